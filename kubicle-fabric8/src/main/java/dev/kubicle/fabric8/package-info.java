/**
 * A fabric8 {@code KubernetesClient} for a kubicle cluster: {@link dev.kubicle.fabric8.KubicleFabric8#client}.
 * This module is optional, so that kubicle-core itself carries no Kubernetes client.
 */
package dev.kubicle.fabric8;
