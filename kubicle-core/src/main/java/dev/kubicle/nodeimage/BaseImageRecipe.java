package dev.kubicle.nodeimage;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;

import java.util.List;

/**
 * What kubicle's base node image is made of: the Debian packages debootstrap installs, the files copied over them
 * and the script that configures the result, all read from the resources under {@code dev/kubicle/nodeimage/base/}.
 * Its {@link #hash()} names the image, so that changing any of them makes a new image; it names the recipe, not the
 * package versions the mirror serves on the day of the build.
 */
public final class BaseImageRecipe {
    /**
     * The cgroup driver containerd uses in the image (runc asks the node's systemd for a scope per container). The
     * kubelet's {@code cgroupDriver} must be the same, or pods fail to start.
     */
    public static final String CGROUP_DRIVER = "systemd";
    static final String SUITE = "bookworm";
    static final String MIRROR = "http://deb.debian.org/debian";
    private static final RecipeResources RESOURCES = new RecipeResources("/dev/kubicle/nodeimage/base/");
    /** Bump when the way the recipe is turned into an image changes, so that old images are not reused. */
    private static final String FORMAT = "kubicle base image recipe 1";

    private final List<String> packages;
    private final List<RecipeFile> files;
    private final byte[] configureScript;

    /** A file copied into the root file system, at {@code path} (relative to /) with Unix permissions {@code mode}. */
    public record RecipeFile(String path, int mode, byte[] content) {
    }

    BaseImageRecipe(List<String> packages, List<RecipeFile> files, byte[] configureScript) {
        this.packages = List.copyOf(packages);
        this.files = List.copyOf(files);
        this.configureScript = configureScript.clone();
    }

    /** The recipe shipped with this kubicle. */
    public static BaseImageRecipe load() {
        List<String> packages = RESOURCES.entries("packages.txt");
        List<RecipeFile> files = RESOURCES.entries("files.txt").stream().map(BaseImageRecipe::file).toList();
        return new BaseImageRecipe(packages, files, RESOURCES.bytes("configure-rootfs.sh"));
    }

    public List<String> packages() {
        return packages;
    }

    public List<RecipeFile> files() {
        return files;
    }

    /** Runs inside the root file system (chroot) after the files are copied in. */
    public byte[] configureScript() {
        return configureScript.clone();
    }

    /** The Debian release debootstrap installs. */
    public String suite() {
        return SUITE;
    }

    /** SHA-256 of everything in the recipe, in hex. */
    public String hash() {
        Sha256 digest = new Sha256().line(FORMAT).line(debootstrapKey());
        for (RecipeFile file : files) {
            digest.line(file.path() + " " + Integer.toOctalString(file.mode())).line(Sha256.of(file.content()));
        }
        return digest.line(Sha256.of(configureScript)).hex();
    }

    /**
     * SHA-256 of what debootstrap's result depends on (release, mirror, packages), in hex: the debootstrapped tree
     * is cached under it, so that a change to the files or the script does not download everything again.
     */
    public String debootstrapKey() {
        Sha256 digest = new Sha256().line(FORMAT).line(SUITE + " " + MIRROR + " minbase");
        packages.stream().sorted().forEach(digest::line);
        return digest.hex();
    }

    private static RecipeFile file(String entry) {
        String[] modeAndPath = entry.split("\\s+", 2);
        if (modeAndPath.length != 2 || !modeAndPath[0].matches("0?[0-7]{3}")) {
            throw new KubicleException(ExitCode.INTERNAL, "bad line in the base image recipe's files.txt: " + entry);
        }
        String path = modeAndPath[1];
        return new RecipeFile(path, Integer.parseInt(modeAndPath[0], 8), RESOURCES.bytes("files/" + path));
    }
}
