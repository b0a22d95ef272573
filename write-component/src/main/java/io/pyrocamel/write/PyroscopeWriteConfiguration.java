package io.pyrocamel.write;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.util.TimeUtils;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The options of one {@code pyroscope-write} endpoint = one Alloy {@code endpoint} block (plus
 * {@code external_labels}). Names are camelCase of Alloy's; nested blocks are flattened with their block name as
 * prefix; maps use Camel's multi-value prefix ({@code externalLabels.env=prod}). A mutable bean for Camel's binding;
 * {@link PyroscopeWriteEndpoint} turns it into immutable settings and validates it once, at start-up.
 */
@UriParams
public class PyroscopeWriteConfiguration implements Cloneable {

    public static final String DEFAULT_REMOTE_TIMEOUT = "10s";
    public static final String DEFAULT_MIN_BACKOFF_PERIOD = "500ms";
    public static final String DEFAULT_MAX_BACKOFF_PERIOD = "5m";
    public static final int DEFAULT_MAX_BACKOFF_RETRIES = 10;
    public static final boolean DEFAULT_RETRY_ON_HTTP429 = true;
    public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 64;
    public static final int DEFAULT_MAX_QUEUED_REQUESTS = 10000;
    public static final int DEFAULT_IO_THREADS = 1;
    public static final boolean DEFAULT_OAUTH2_PROXY_FROM_ENVIRONMENT = false;
    public static final boolean DEFAULT_OAUTH2_TLS_INSECURE_SKIP_VERIFY = false;
    public static final boolean DEFAULT_TLS_INSECURE_SKIP_VERIFY = false;
    public static final boolean DEFAULT_PROXY_FROM_ENVIRONMENT = false;
    public static final boolean DEFAULT_FOLLOW_REDIRECTS = true;
    public static final boolean DEFAULT_ENABLE_HTTP2 = true;

    @Metadata(required = true)
    @UriParam(label = "producer", description = "Full URL of the Pyroscope server (Alloy endpoint.url), e.g. http://pyroscope:4040. Push requests go to <url>/push.v1.PusherService/Push, ingest requests to <url>/ingest.")
    private String url;
    @UriParam(label = "producer", description = "Optional name of this endpoint (Alloy endpoint.name). As in Alloy it does not appear in metrics (they use the URL); it names the HTTP client threads and log lines.")
    private String name;
    @UriParam(label = "producer", defaultValue = DEFAULT_REMOTE_TIMEOUT, javaType = "java.time.Duration", description = "Timeout of each attempt (Alloy endpoint.remote_timeout); sent as Connect-Timeout-Ms.")
    private long remoteTimeout = TimeUtils.toMilliSeconds(DEFAULT_REMOTE_TIMEOUT);
    @UriParam(label = "producer", prefix = "headers.", multiValue = true, description = "Extra headers set on every request (Alloy endpoint.headers), e.g. headers.X-Scope-OrgID=squad-1. An X-Scope-OrgID here replaces the tenant that travels with the exchange.")
    private Map<String, Object> headers = new LinkedHashMap<>();
    @UriParam(label = "producer", defaultValue = DEFAULT_MIN_BACKOFF_PERIOD, javaType = "java.time.Duration", description = "Initial backoff between retries (Alloy endpoint.min_backoff_period).")
    private long minBackoffPeriod = TimeUtils.toMilliSeconds(DEFAULT_MIN_BACKOFF_PERIOD);
    @UriParam(label = "producer", defaultValue = DEFAULT_MAX_BACKOFF_PERIOD, javaType = "java.time.Duration", description = "Maximum backoff between retries (Alloy endpoint.max_backoff_period).")
    private long maxBackoffPeriod = TimeUtils.toMilliSeconds(DEFAULT_MAX_BACKOFF_PERIOD);
    @UriParam(label = "producer", defaultValue = "" + DEFAULT_MAX_BACKOFF_RETRIES, description = "Maximum number of retries after the first attempt (Alloy endpoint.max_backoff_retries, counted as the docs say); 0 retries until the exchange's deadline, forever without one.")
    private int maxBackoffRetries = DEFAULT_MAX_BACKOFF_RETRIES;
    @UriParam(label = "producer", defaultValue = "" + DEFAULT_RETRY_ON_HTTP429, description = "Whether HTTP 429 / resource_exhausted answers are retried (Alloy endpoint.retry_on_http_429, v1.19).")
    private boolean retryOnHttp429 = DEFAULT_RETRY_ON_HTTP429;
    @UriParam(label = "producer", prefix = "externalLabels.", multiValue = true, description = "Labels added to every profile (Alloy external_labels), e.g. externalLabels.env=prod; they override the profile's labels, and an empty value removes the label.")
    private Map<String, Object> externalLabels = new LinkedHashMap<>();
    @UriParam(label = "advanced", defaultValue = "" + DEFAULT_MAX_CONCURRENT_REQUESTS, description = "Exchanges this endpoint works on at once (attempts and backoff waits included). Beyond it, exchanges wait in a queue without holding a thread.")
    private int maxConcurrentRequests = DEFAULT_MAX_CONCURRENT_REQUESTS;
    @UriParam(label = "advanced", defaultValue = "" + DEFAULT_MAX_QUEUED_REQUESTS, description = "Exchanges that may wait for a free slot when maxConcurrentRequests are busy; beyond it an exchange fails at once with a RejectedExecutionException and counts as dropped.")
    private int maxQueuedRequests = DEFAULT_MAX_QUEUED_REQUESTS;

    public String getUrl() {
        return url;
    }

    /** Full URL of the Pyroscope server (Alloy endpoint.url), e.g. http://pyroscope:4040. Push requests go to &lt;url&gt;/push.v1.PusherService/Push, ingest requests to &lt;url&gt;/ingest. */
    public void setUrl(String url) {
        this.url = url;
    }

    public String getName() {
        return name;
    }

    /** Optional name of this endpoint (Alloy endpoint.name). As in Alloy it does not appear in metrics (they use the URL); it names the HTTP client threads and log lines. */
    public void setName(String name) {
        this.name = name;
    }

    public long getRemoteTimeout() {
        return remoteTimeout;
    }

    /** Timeout of each attempt (Alloy endpoint.remote_timeout); sent as Connect-Timeout-Ms. */
    public void setRemoteTimeout(long remoteTimeout) {
        this.remoteTimeout = remoteTimeout;
    }

    public Map<String, Object> getHeaders() {
        return headers;
    }

    /** Extra headers set on every request (Alloy endpoint.headers), e.g. headers.X-Scope-OrgID=squad-1. An X-Scope-OrgID here replaces the tenant that travels with the exchange. */
    public void setHeaders(Map<String, Object> headers) {
        this.headers = headers == null ? new LinkedHashMap<>() : new LinkedHashMap<>(headers);
    }

    public long getMinBackoffPeriod() {
        return minBackoffPeriod;
    }

    /** Initial backoff between retries (Alloy endpoint.min_backoff_period). */
    public void setMinBackoffPeriod(long minBackoffPeriod) {
        this.minBackoffPeriod = minBackoffPeriod;
    }

    public long getMaxBackoffPeriod() {
        return maxBackoffPeriod;
    }

    /** Maximum backoff between retries (Alloy endpoint.max_backoff_period). */
    public void setMaxBackoffPeriod(long maxBackoffPeriod) {
        this.maxBackoffPeriod = maxBackoffPeriod;
    }

    public int getMaxBackoffRetries() {
        return maxBackoffRetries;
    }

    /** Maximum number of retries after the first attempt (Alloy endpoint.max_backoff_retries, counted as the docs say); 0 retries until the exchange's deadline, forever without one. */
    public void setMaxBackoffRetries(int maxBackoffRetries) {
        this.maxBackoffRetries = maxBackoffRetries;
    }

    public boolean isRetryOnHttp429() {
        return retryOnHttp429;
    }

    /** Whether HTTP 429 / resource_exhausted answers are retried (Alloy endpoint.retry_on_http_429, v1.19). */
    public void setRetryOnHttp429(boolean retryOnHttp429) {
        this.retryOnHttp429 = retryOnHttp429;
    }

    public Map<String, Object> getExternalLabels() {
        return externalLabels;
    }

    /** Labels added to every profile (Alloy external_labels), e.g. externalLabels.env=prod; they override the profile's labels, and an empty value removes the label. */
    public void setExternalLabels(Map<String, Object> externalLabels) {
        this.externalLabels = externalLabels == null ? new LinkedHashMap<>() : new LinkedHashMap<>(externalLabels);
    }

    public int getMaxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    /** Exchanges this endpoint works on at once (attempts and backoff waits included). Beyond it, exchanges wait in a queue without holding a thread. */
    public void setMaxConcurrentRequests(int maxConcurrentRequests) {
        this.maxConcurrentRequests = maxConcurrentRequests;
    }

    public int getMaxQueuedRequests() {
        return maxQueuedRequests;
    }

    /** Exchanges that may wait for a free slot when maxConcurrentRequests are busy; beyond it an exchange fails at once with a RejectedExecutionException and counts as dropped. */
    public void setMaxQueuedRequests(int maxQueuedRequests) {
        this.maxQueuedRequests = maxQueuedRequests;
    }

    /** A deep enough copy: maps are copied, so endpoints never share mutable state. */
    public PyroscopeWriteConfiguration copy() {
        try {
            PyroscopeWriteConfiguration c = (PyroscopeWriteConfiguration) super.clone();
            c.headers = new LinkedHashMap<>(headers);
            c.externalLabels = new LinkedHashMap<>(externalLabels);
            return c;
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
