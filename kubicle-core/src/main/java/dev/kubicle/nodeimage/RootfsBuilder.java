package dev.kubicle.nodeimage;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.internal.KubicleCache;
import dev.kubicle.nodeimage.BaseImageRecipe.RecipeFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Makes the base node image's root file system on this machine. debootstrap installs the recipe's packages into
 * {@code <cache>/<debootstrap key>/} once (a minute and some 150 MB of downloads); each build copies that tree,
 * copies the recipe's files over it and runs the recipe's script in it with chroot. Needs root, debootstrap and a
 * reachable Debian mirror, but no container engine.
 */
public final class RootfsBuilder {
    private final Path cache;
    private final Consumer<String> progress;

    /**
     * @param cache    where debootstrapped trees are kept and builds are made
     * @param progress told what is happening, one short line at a time
     */
    public RootfsBuilder(Path cache, Consumer<String> progress) {
        this.cache = cache;
        this.progress = progress;
    }

    /** A builder caching in {@code $XDG_CACHE_HOME/kubicle/rootfs}, by default {@code ~/.cache/kubicle/rootfs}. */
    public static RootfsBuilder inUserCache(Consumer<String> progress) {
        return new RootfsBuilder(KubicleCache.directory().resolve("rootfs"), progress);
    }

    /** Builds the recipe's root file system; the caller imports it and closes it, which deletes it. */
    public Rootfs build(BaseImageRecipe recipe) {
        requireRootAndDebootstrap();
        Path pristine = debootstrap(recipe);
        Path tree = cache.resolve(recipe.hash() + ".build");
        Path log = cache.resolve(recipe.hash() + ".log");
        removeTree(tree, log);
        progress.accept("configuring the root file system");
        new HostCommand(List.of("cp", "-a", "--reflink=auto", pristine.toString(), tree.toString()), log).run();
        try {
            for (RecipeFile file : recipe.files()) {
                write(tree, file);
            }
            new HostCommand(List.of("chroot", tree.toString(), "/bin/bash", "-s"), log).run(recipe.configureScript());
        } catch (RuntimeException e) {
            try {
                removeTree(tree, log);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return new Rootfs(tree, log);
    }

    /** The recipe's packages debootstrapped, from the cache when an earlier run completed it. */
    Path debootstrap(BaseImageRecipe recipe) {
        Path tree = cache.resolve(recipe.debootstrapKey());
        if (Files.isDirectory(tree)) {
            progress.accept("reusing the debootstrapped tree in " + tree);
            return tree;
        }
        // debootstrap works in a directory of its own, renamed when complete: a tree that exists is whole.
        Path partial = cache.resolve(recipe.debootstrapKey() + ".partial");
        Path log = cache.resolve(recipe.debootstrapKey() + ".log");
        removeTree(partial, log);
        progress.accept("debootstrap " + recipe.suite() + " with " + recipe.packages().size() + " packages into "
                + tree + " (about a minute; log: " + log + ")");
        long start = System.nanoTime();
        new HostCommand(List.of("debootstrap", "--variant=minbase", "--include=" + String.join(",", recipe.packages()),
                recipe.suite(), partial.toString(), BaseImageRecipe.MIRROR), log).run();
        try {
            Files.move(partial, tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        progress.accept("debootstrap done in " + (System.nanoTime() - start) / 1_000_000_000 + " s");
        return tree;
    }

    /**
     * Copies a recipe file into the tree. No directory on its way may be a symbolic link: one with an absolute
     * target would make the write land on this machine's own file system.
     */
    private static void write(Path tree, RecipeFile file) {
        Path target = tree.resolve(file.path()).normalize();
        for (Path dir = target.getParent(); dir.startsWith(tree) && !dir.equals(tree); dir = dir.getParent()) {
            if (Files.isSymbolicLink(dir)) {
                throw new KubicleException(ExitCode.INTERNAL, "recipe file " + file.path() + " would be written "
                        + "through the symbolic link " + dir);
            }
        }
        try {
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(target);
            Files.write(target, file.content());
            Files.setPosixFilePermissions(target, permissions(file.mode()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<PosixFilePermission> permissions(int mode) {
        StringBuilder text = new StringBuilder();
        String letters = "rwxrwxrwx";
        for (int bit = 0; bit < 9; bit++) {
            text.append((mode & (0400 >> bit)) != 0 ? letters.charAt(bit) : '-');
        }
        return PosixFilePermissions.fromString(text.toString());
    }

    /**
     * Deletes a tree left by an earlier, perhaps interrupted, run. debootstrap mounts /proc and /sys inside its
     * target while it works; those are unmounted first, and rm never crosses into another file system.
     */
    static void removeTree(Path tree, Path log) {
        if (!Files.exists(tree)) {
            return;
        }
        for (Path mountPoint : mountsUnder(tree)) {
            new HostCommand(List.of("umount", "--lazy", mountPoint.toString()), log).run();
        }
        new HostCommand(List.of("rm", "-rf", "--one-file-system", tree.toString()), log).run();
    }

    /** Mount points at or under {@code tree}, deepest first. */
    private static List<Path> mountsUnder(Path tree) {
        List<Path> mounts = new ArrayList<>();
        try {
            Path real = tree.toRealPath();
            for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"), StandardCharsets.UTF_8)) {
                // Field 5 is the mount point, with spaces and the like escaped as octal.
                Path mountPoint = Path.of(unescape(line.split(" ")[4]));
                if (mountPoint.startsWith(real)) {
                    mounts.add(mountPoint);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        mounts.sort(Comparator.comparingInt(Path::getNameCount).reversed());
        return mounts;
    }

    private static String unescape(String field) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            if (field.charAt(i) == '\\' && i + 3 < field.length()) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(field.charAt(i));
            }
        }
        return out.toString();
    }

    private static void requireRootAndDebootstrap() {
        int uid;
        try {
            // /proc/self belongs to the process's effective user.
            uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException e) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE,
                    "building the base node image needs Linux (debootstrap and chroot); load a prebuilt image instead",
                    e);
        }
        if (uid != 0) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE,
                    "building the base node image runs debootstrap, which needs root; run kubicle as root once, "
                            + "or load a prebuilt image with 'docker load'");
        }
        boolean found = List.of(System.getenv().getOrDefault("PATH", ""), "/usr/sbin", "/sbin").stream()
                .flatMap(path -> List.of(path.split(":")).stream())
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, "debootstrap")));
        if (!found) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE, "building the base node image needs debootstrap; "
                    + "install it with 'apt-get install debootstrap' (scripts/ensure-engine.sh does)");
        }
    }
}
