package dev.kubicle.provider;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;

/**
 * The engine stopped answering in the middle of a command: it was stopped or restarted. Work that cleans up after a
 * failure can wait for it to come back instead of leaving what it made.
 */
public final class EngineLostException extends KubicleException {
    public EngineLostException(String message, Throwable cause) {
        super(ExitCode.UNEXPECTED_STATE, message, cause);
    }
}
