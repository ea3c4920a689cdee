package dev.kubicle.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** Java's file errors carry the path as their message; what a user needs to read is what went wrong. */
public final class FileErrors {
    private FileErrors() {
    }

    /** What went wrong, in the words of the operating system's own messages. */
    public static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof FileAlreadyExistsException exists) {
            // Making a directory where a file is: the file in the way is the one to name.
            return "file exists: " + exists.getFile();
        }
        if (e instanceof FileSystemException fileError && fileError.getReason() != null) {
            return fileError.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
