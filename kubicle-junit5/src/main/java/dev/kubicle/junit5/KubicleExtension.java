package dev.kubicle.junit5;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.api.ClusterHandle;
import dev.kubicle.api.ClusterSpec;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.platform.commons.support.AnnotationSupport;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The extension behind {@link KubicleCluster}, also usable on its own with a spec built in code:
 * <pre>{@code
 * @RegisterExtension
 * static final KubicleExtension kubicle = KubicleExtension.of(ClusterSpec.builder().name("demo").workers(2).build());
 *
 * @Test
 * void deploys() {
 *     kubicle.cluster().kubectl("apply", "-f", "...");
 * }
 * }</pre>
 * Registered in a static field it serves the whole class; see {@link KubicleCluster} for sharing, reuse, injection
 * and the logs of failed tests.
 */
public final class KubicleExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver, TestWatcher {
    /** The configuration parameter (or system property) that makes every test cluster of the run reused. */
    public static final String REUSE_PARAMETER = "kubicle.reuse";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KubicleExtension.class);

    private final ClusterSpec spec;
    private final boolean reuse;
    private volatile SharedCluster cluster;

    /** Used by {@link KubicleCluster}: the spec comes from the test class's annotation. */
    public KubicleExtension() {
        this(null, false);
    }

    private KubicleExtension(ClusterSpec spec, boolean reuse) {
        this.spec = spec;
        this.reuse = reuse;
    }

    /**
     * @param spec the cluster the tests need
     * @return an extension for {@code @RegisterExtension}
     */
    public static KubicleExtension of(ClusterSpec spec) {
        return new KubicleExtension(Objects.requireNonNull(spec), false);
    }

    /**
     * @param value keep the cluster after the run and use it again in the next (see {@link KubicleCluster#reuse()})
     * @return a new extension with this setting
     */
    public KubicleExtension reuse(boolean value) {
        return new KubicleExtension(spec, value);
    }

    /**
     * @return the cluster of the class this extension is registered for
     * @throws IllegalStateException before the class's tests start
     */
    public ClusterHandle cluster() {
        return started().handle();
    }

    /**
     * @return the kubeconfig file of the cluster
     * @throws IllegalStateException before the class's tests start
     */
    public Path kubeconfig() {
        return started().kubeconfig();
    }

    private SharedCluster started() {
        SharedCluster current = cluster;
        if (current == null) {
            throw new IllegalStateException("the kubicle cluster is made before the test class's first test; "
                    + "register the extension in a static field to use it in @BeforeAll");
        }
        return current;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster = sharedCluster(context);
        FieldInjector.injectStatic(context.getRequiredTestClass(), cluster);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        SharedCluster shared = sharedCluster(context);
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            FieldInjector.injectInstance(instance, shared);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return FieldInjector.supports(parameter.getParameter().getType(), parameter.isAnnotated(Kubeconfig.class));
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return FieldInjector.valueFor(parameter.getParameter().getType(), sharedCluster(context));
    }

    /** Exports the cluster's logs under {@code target/kubicle-logs/<class>/<method>}, for looking into the failure. */
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Path directory = workDirectory().resolve("kubicle-logs").resolve(context.getRequiredTestClass().getName())
                .resolve(context.getRequiredTestMethod().getName());
        try {
            sharedCluster(context).handle().exportLogs(directory);
            System.err.println("kubicle: the cluster's logs are in " + directory.toAbsolutePath());
        } catch (RuntimeException e) {
            // The test's own failure is what the user must see; a failed export only adds a note.
            System.err.println("kubicle: could not export the cluster's logs to " + directory + ": " + e.getMessage());
        }
    }

    /**
     * The cluster of this context's request, made by the first class that asks for it. The root store holds one per
     * spec and makes each value once, however many classes ask at the same time, and closes it when the run ends.
     */
    private SharedCluster sharedCluster(ExtensionContext context) {
        ClusterRequest request = request(context);
        String key = "cluster:" + request.spec().hash();
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(key, ignored -> SharedCluster.start(request, workDirectory()), SharedCluster.class);
    }

    private ClusterRequest request(ExtensionContext context) {
        boolean reuseByDefault = context.getConfigurationParameter(REUSE_PARAMETER, Boolean::parseBoolean)
                .orElse(false);
        if (spec != null) {
            return new ClusterRequest(spec, reuse || reuseByDefault);
        }
        Class<?> testClass = context.getRequiredTestClass();
        // Each class's spec is read once: a config on the class path is parsed and validated only then.
        return context.getStore(NAMESPACE).getOrComputeIfAbsent("request:" + testClass.getName(),
                ignored -> ClusterRequest.of(annotation(testClass), testClass, reuseByDefault), ClusterRequest.class);
    }

    private static KubicleCluster annotation(Class<?> testClass) {
        for (Class<?> current = testClass; current != null; current = current.getEnclosingClass()) {
            Optional<KubicleCluster> found = AnnotationSupport.findAnnotation(current, KubicleCluster.class);
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new KubicleException(ExitCode.INVALID_INPUT, testClass.getName() + " uses KubicleExtension without "
                + "a spec: annotate it with @KubicleCluster or register KubicleExtension.of(spec)");
    }

    /** Maven's and Gradle's build folder, relative to the module the tests run in. */
    private static Path workDirectory() {
        return Path.of(System.getProperty("kubicle.junit.directory", "target"));
    }
}
