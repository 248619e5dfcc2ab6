// Shows this server's /openapi. No validator (it would send the document to another host) and no
// configuration from the page's URL (a link could otherwise point the page at another document).
window.ui = SwaggerUIBundle({
  url: "/openapi",
  dom_id: "#swagger-ui",
  validatorUrl: "none",
  queryConfigEnabled: false,
  deepLinking: false,
});
