package dev.sentinel.auth.persistence.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.error.StoreUnavailableException;
import jakarta.annotation.Priority;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.io.File;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class StoreErrorInterceptorTest {
    private final StoreErrorInterceptor interceptor = new StoreErrorInterceptor();

    @Test
    void storeFailureOfTheAdapterLeavesItAsDomainException() {
        StoreUnavailableException thrown = assertThrows(
                StoreUnavailableException.class,
                () -> interceptor.translate(invocation(() -> {
                    throw new PersistenceException(new SQLException("connection refused", "08001"));
                })));

        assertTrue(thrown.getCause() instanceof PersistenceException);
    }

    @Test
    void resultPassesUnchanged() throws Exception {
        assertEquals("row", interceptor.translate(invocation(() -> "row")));
    }

    /** Jakarta Transactions runs its interceptor at PLATFORM_BEFORE + 200; a lower priority wraps it. */
    @Test
    void runsOutsideTransactionalSoThatCommitFailuresAreTranslated() {
        int priority = StoreErrorInterceptor.class.getAnnotation(Priority.class).value();

        assertTrue(priority < Interceptor.Priority.PLATFORM_BEFORE + 200, "priority " + priority);
    }

    @Test
    void everyAdapterThatTalksToTheDatabaseTranslates() throws Exception {
        List<Class<?>> adapters = classesOfThisModule()
                .filter(StoreErrorInterceptorTest::talksToTheDatabase)
                .toList();

        assertFalse(adapters.isEmpty());
        for (Class<?> adapter : adapters) {
            assertTrue(
                    adapter.isAnnotationPresent(TranslatesStoreErrors.class),
                    adapter.getSimpleName() + " lacks @TranslatesStoreErrors");
        }
    }

    private static boolean talksToTheDatabase(Class<?> type) {
        return type.isAnnotationPresent(Transactional.class)
                || Arrays.stream(type.getDeclaredMethods()).anyMatch(m -> m.isAnnotationPresent(Transactional.class))
                || Arrays.stream(type.getDeclaredFields())
                        .anyMatch(f -> f.isAnnotationPresent(PersistenceContext.class));
    }

    private static Stream<Class<?>> classesOfThisModule() throws Exception {
        Path classes = Path.of(RowInserter.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        try (Stream<Path> files = Files.walk(classes)) {
            List<String> names = files.map(classes::relativize)
                    .map(Path::toString)
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .map(name ->
                            name.substring(0, name.length() - ".class".length()).replace(File.separatorChar, '.'))
                    .toList();
            return names.stream().map(StoreErrorInterceptorTest::load);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, StoreErrorInterceptorTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InvocationContext invocation(Callable<Object> method) {
        return new InvocationContext() {
            @Override
            public Object proceed() throws Exception {
                return method.call();
            }

            @Override
            public Object getTarget() {
                return null;
            }

            @Override
            public Object getTimer() {
                return null;
            }

            @Override
            public Method getMethod() {
                return null;
            }

            @Override
            public Constructor<?> getConstructor() {
                return null;
            }

            @Override
            public Object[] getParameters() {
                return new Object[0];
            }

            @Override
            public void setParameters(Object[] parameters) {}

            @Override
            public Map<String, Object> getContextData() {
                return Map.of();
            }
        };
    }
}
