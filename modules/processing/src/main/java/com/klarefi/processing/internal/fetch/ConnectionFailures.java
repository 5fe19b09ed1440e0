package com.klarefi.processing.internal.fetch;

import com.klarefi.processing.api.DocumentFailure;
import com.klarefi.processing.api.DocumentFailure.Code;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import javax.net.ssl.SSLException;

/** Turns what the network threw into a fetch failure, transient unless retrying cannot help. */
final class ConnectionFailures {
    private ConnectionFailures() {}

    static DocumentFailure classify(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException) {
                return new DocumentFailure(
                        Code.FETCH_FAILED,
                        "the TLS connection failed (certificate not trusted or not for this host)",
                        false,
                        null,
                        thrown);
            }
            if (cause instanceof SocketTimeoutException) {
                return failure("the document's server did not answer in time", thrown);
            }
            if (cause instanceof ConnectException) {
                return failure("the document's server refused the connection", thrown);
            }
        }
        return failure("the connection to the document's server failed", thrown);
    }

    private static DocumentFailure failure(String message, Throwable cause) {
        return new DocumentFailure(Code.FETCH_FAILED, message, true, null, cause);
    }
}
