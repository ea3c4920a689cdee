/**
 * Real multi-node Kubernetes clusters for JUnit 5 tests: put {@link dev.kubicle.junit5.KubicleCluster} on a test
 * class, or register a {@link dev.kubicle.junit5.KubicleExtension} with {@code @RegisterExtension}, and receive a
 * {@link dev.kubicle.api.ClusterHandle}, the kubeconfig's path or its YAML in fields and parameters.
 *
 * <p>Test classes of one JVM that ask for the same spec share one cluster, made once even when they run in
 * parallel, and deleted when the test run ends; a reused cluster (see {@link dev.kubicle.junit5.KubicleCluster#reuse()})
 * is left running and found again by the next run. When a test fails, the cluster's logs are exported under
 * {@code target/kubicle-logs/<test class>/<test method>}.
 */
package dev.kubicle.junit5;
