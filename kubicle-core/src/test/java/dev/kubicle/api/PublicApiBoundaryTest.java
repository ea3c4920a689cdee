package dev.kubicle.api;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds the line between kubicle's public API and its internals by looking at the compiled classes: what a public
 * member of a public type takes or gives must be a type its users may see.
 */
class PublicApiBoundaryTest {

    @Test
    void noPublicMemberOutsideInternalPackagesTakesOrGivesAnInternalType() throws Exception {
        List<String> leaks = leaks(name -> !name.contains(".internal."),
                type -> type.getPackageName().contains(".internal"));
        assertThat(leaks).isEmpty();
    }

    @Test
    void theStableApiTakesAndGivesOnlyJavaTypesAndItsOwn() throws Exception {
        List<String> leaks = leaks(name -> name.startsWith("dev.kubicle.api.") || isTopLevel(name),
                type -> type.getName().startsWith("dev.kubicle.") && !type.getPackageName().equals("dev.kubicle.api")
                        && !type.getPackageName().equals("dev.kubicle"));
        assertThat(leaks).isEmpty();
    }

    private static boolean isTopLevel(String className) {
        return className.lastIndexOf('.') == "dev.kubicle".length();
    }

    private static List<String> leaks(Predicate<String> checkedClasses, Predicate<Class<?>> forbidden)
            throws IOException, URISyntaxException, ClassNotFoundException {
        List<String> leaks = new ArrayList<>();
        for (String name : mainClassNames()) {
            if (!checkedClasses.test(name)) {
                continue;
            }
            Class<?> type = Class.forName(name, false, PublicApiBoundaryTest.class.getClassLoader());
            if (!isVisible(type)) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                if (isVisible(method.getModifiers()) && !method.isSynthetic()) {
                    check(type, method, method.getGenericReturnType(), forbidden, leaks);
                    checkParameters(type, method, forbidden, leaks);
                }
            }
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (isVisible(constructor.getModifiers())) {
                    checkParameters(type, constructor, forbidden, leaks);
                }
            }
            for (Field field : type.getDeclaredFields()) {
                if (isVisible(field.getModifiers())) {
                    check(type, field, field.getGenericType(), forbidden, leaks);
                }
            }
        }
        return leaks;
    }

    private static void checkParameters(Class<?> owner, Executable executable, Predicate<Class<?>> forbidden,
            List<String> leaks) {
        for (Type parameter : executable.getGenericParameterTypes()) {
            check(owner, executable, parameter, forbidden, leaks);
        }
    }

    private static void check(Class<?> owner, Object member, Type type, Predicate<Class<?>> forbidden,
            List<String> leaks) {
        for (Class<?> mentioned : classesIn(type)) {
            if (forbidden.test(mentioned)) {
                leaks.add(owner.getName() + ": " + member + " uses " + mentioned.getName());
            }
        }
    }

    private static List<Class<?>> classesIn(Type type) {
        List<Class<?>> classes = new ArrayList<>();
        if (type instanceof Class<?> plain) {
            classes.add(plain.isArray() ? plain.getComponentType() : plain);
        } else if (type instanceof ParameterizedType parameterized) {
            classes.addAll(classesIn(parameterized.getRawType()));
            for (Type argument : parameterized.getActualTypeArguments()) {
                classes.addAll(classesIn(argument));
            }
        } else if (type instanceof GenericArrayType array) {
            classes.addAll(classesIn(array.getGenericComponentType()));
        } else if (type instanceof WildcardType wildcard) {
            Stream.concat(Stream.of(wildcard.getUpperBounds()), Stream.of(wildcard.getLowerBounds()))
                    .forEach(bound -> classes.addAll(classesIn(bound)));
        }
        return classes;
    }

    private static boolean isVisible(Class<?> type) {
        for (Class<?> current = type; current != null; current = current.getEnclosingClass()) {
            if (!isVisible(current.getModifiers()) || current.isAnonymousClass() || current.isLocalClass()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isVisible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    /** kubicle-core's own classes, read from the folder the main classes were compiled to. */
    private static List<String> mainClassNames() throws IOException, URISyntaxException {
        Path root = Path.of(Kubicle.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> root.relativize(file).toString())
                    .filter(name -> !name.equals("module-info.class") && !name.endsWith("package-info.class"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .sorted().toList();
        }
    }
}
