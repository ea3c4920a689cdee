package dev.kubicle.junit5;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives the annotated test class a running kubicle cluster, made before its first test. Fields and parameters of
 * type {@link dev.kubicle.api.ClusterHandle}, and {@code Path} or {@code String} ones marked {@link Kubeconfig},
 * receive it.
 * <pre>{@code
 * @KubicleCluster(workers = 2)
 * class OperatorIT {
 *     static ClusterHandle cluster;
 *
 *     @Test
 *     void runsOnEveryNode(@Kubeconfig Path kubeconfig) { ... }
 * }
 * }</pre>
 * The spec is {@link #config()} when given, else the node counts and image below; every test class of the JVM that
 * asks for an equal spec shares one cluster.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(KubicleExtension.class)
public @interface KubicleCluster {

    /**
     * @return a cluster config file on the test class path, such as {@code "cluster.yaml"}; when given, the node
     *         counts and image below are not used
     */
    String config() default "";

    /**
     * @return the cluster's name; by default the config's name, or {@code junit-} and the start of the spec's hash
     */
    String name() default "";

    /** @return control-plane nodes, at least one */
    int controlPlanes() default 1;

    /** @return worker nodes */
    int workers() default 0;

    /** @return the node image of every node; by default kubicle's */
    String image() default "";

    /**
     * Keeps the cluster after the test run and uses it again in the next runs, as long as its spec is unchanged
     * (a cluster of the name made from another spec is deleted and made anew). The configuration parameter or
     * system property {@code kubicle.reuse=true} turns this on for every class. Delete a reused cluster with
     * {@code kubicle delete cluster --name NAME}.
     *
     * @return whether to keep and reuse the cluster
     */
    boolean reuse() default false;
}
