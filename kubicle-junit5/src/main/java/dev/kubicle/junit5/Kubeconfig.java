package dev.kubicle.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field or parameter that receives the test cluster's admin kubeconfig: a {@code java.nio.file.Path} gets
 * the file (under {@code target/kubicle/<cluster>/}), a {@code String} gets its YAML.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER})
public @interface Kubeconfig {
}
