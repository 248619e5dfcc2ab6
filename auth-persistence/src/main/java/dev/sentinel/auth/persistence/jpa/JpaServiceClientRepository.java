package dev.sentinel.auth.persistence.jpa;

import dev.sentinel.auth.client.ServiceClient;
import dev.sentinel.auth.client.ServiceClientRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
@TranslatesStoreErrors
@Transactional
public class JpaServiceClientRepository implements ServiceClientRepository {
    @PersistenceContext(unitName = "auth")
    EntityManager em;

    protected JpaServiceClientRepository() {}

    JpaServiceClientRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(ServiceClient client) {
        em.persist(ServiceClientEntity.from(client));
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ServiceClient> find(String clientId) {
        return Optional.ofNullable(em.find(ServiceClientEntity.class, clientId)).map(ServiceClientEntity::toClient);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ServiceClient> list() {
        return em.createQuery(
                        "SELECT c FROM ServiceClientEntity c ORDER BY c.createdAt, c.id", ServiceClientEntity.class)
                .getResultStream()
                .map(ServiceClientEntity::toClient)
                .toList();
    }

    @Override
    public boolean delete(String clientId) {
        return em.createQuery("DELETE FROM ServiceClientEntity c WHERE c.id = :id")
                        .setParameter("id", clientId)
                        .executeUpdate()
                > 0;
    }
}
