package dev.kubicle.junit5;

import dev.kubicle.api.ClusterHandle;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ModifierSupport;
import org.junit.platform.commons.support.ReflectionSupport;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * Puts the cluster into the fields that ask for it: any field of type {@link ClusterHandle}, and {@code Path} or
 * {@code String} fields marked {@link Kubeconfig}. Parameters follow the same rules.
 */
final class FieldInjector {
    private FieldInjector() {
    }

    static boolean supports(Class<?> type, boolean markedKubeconfig) {
        return type == ClusterHandle.class || markedKubeconfig && (type == Path.class || type == String.class);
    }

    /** The value for a field or parameter that {@link #supports} accepted. */
    static Object valueFor(Class<?> type, SharedCluster cluster) {
        if (type == ClusterHandle.class) {
            return cluster.handle();
        }
        return type == Path.class ? cluster.kubeconfig() : cluster.handle().kubeconfigYaml();
    }

    static void injectStatic(Class<?> testClass, SharedCluster cluster) {
        inject(testClass, null, ModifierSupport::isStatic, cluster);
    }

    static void injectInstance(Object instance, SharedCluster cluster) {
        inject(instance.getClass(), instance, ModifierSupport::isNotStatic, cluster);
    }

    private static void inject(Class<?> type, Object instance, Predicate<Field> scope, SharedCluster cluster) {
        for (Field field : ReflectionSupport.findFields(type, scope.and(FieldInjector::wanted),
                HierarchyTraversalMode.TOP_DOWN)) {
            Object value = valueFor(field.getType(), cluster);
            try {
                field.setAccessible(true);
                field.set(instance, value);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot set " + field + " to the kubicle cluster", e);
            }
        }
    }

    private static boolean wanted(Field field) {
        return !ModifierSupport.isFinal(field)
                && supports(field.getType(), field.isAnnotationPresent(Kubeconfig.class));
    }
}
