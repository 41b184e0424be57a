package dev.provisioning.awsagent.client;

import dev.provisioning.agent.retry.ProviderException;
import dev.provisioning.agent.retry.RetryAfter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Classifies aws-sdk-java-v2 failures: throttling ({@code Throttling}, {@code RequestLimitExceeded}…), outages and
 * 5xx are retryable; every other AWS error is permanent and keeps its AWS code and message. Messages never carry
 * credentials: AWS error messages do not contain them and request headers are not included.
 */
public final class AwsFailures {

    /** AWS error codes meaning "slow down" or "try again", whatever HTTP status they came with. */
    static final Set<String> RETRYABLE_CODES = Set.of("Throttling", "ThrottlingException", "ThrottledException",
            "RequestThrottledException", "RequestThrottled", "TooManyRequestsException", "RequestLimitExceeded",
            "SlowDown", "PriorRequestNotComplete", "Unavailable", "ServiceUnavailable", "InternalError",
            "InternalFailure", "RequestTimeout", "RequestTimeoutException", "EC2ThrottledException");

    private AwsFailures() {
    }

    /** Runs an SDK call, turning its failures into classified {@link ProviderException}s. */
    public static <T> T call(String operation, Supplier<T> sdkCall) {
        try {
            return sdkCall.get();
        } catch (AwsServiceException e) {
            throw classify(e);
        } catch (SdkClientException e) {
            throw noAnswer(operation, e);
        }
    }

    /** Like {@link #call(String, Supplier)} for calls without a result. */
    public static void run(String operation, Runnable sdkCall) {
        call(operation, () -> {
            sdkCall.run();
            return null;
        });
    }

    /** A failure caught around an SDK call, classified when it came from the SDK, unchanged otherwise. */
    public static RuntimeException translated(String operation, RuntimeException e) {
        if (e instanceof AwsServiceException service) {
            return classify(service);
        }
        if (e instanceof SdkClientException client) {
            return noAnswer(operation, client);
        }
        return e;
    }

    static ProviderException classify(AwsServiceException e) {
        String code = e.awsErrorDetails() != null ? e.awsErrorDetails().errorCode() : null;
        String message = e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
                ? e.awsErrorDetails().errorMessage() : e.getMessage();
        int status = e.statusCode();
        boolean retryable = ProviderException.isRetryableStatus(status) || (code != null && RETRYABLE_CODES.contains(code))
                || e.isThrottlingException();
        Duration wait = null;
        if (e.awsErrorDetails() != null && e.awsErrorDetails().sdkHttpResponse() != null) {
            wait = e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("Retry-After")
                    .flatMap(value -> RetryAfter.fromHeaders(value, null, Clock.systemUTC().instant()))
                    .orElse(null);
        }
        return new AwsProviderException(code == null || code.isBlank() ? "http_" + status : code,
                message == null ? "HTTP " + status : message, retryable, status, wait);
    }

    private static ProviderException noAnswer(String operation, SdkClientException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UncheckedIOException unchecked) {
            cause = unchecked.getCause();
        }
        if (cause instanceof IOException io) {
            return ProviderException.fromIoFailure(operation, io);
        }
        return ProviderException.of("io_error", operation + " failed: " + e.getMessage(), true);
    }

    /** A classified AWS error answer, carrying its HTTP status and the wait AWS asked for. */
    static final class AwsProviderException extends ProviderException {

        AwsProviderException(String code, String message, boolean retryable, int status, Duration retryAfter) {
            super(code, message, retryable, status, retryAfter, 1, null);
        }
    }
}
