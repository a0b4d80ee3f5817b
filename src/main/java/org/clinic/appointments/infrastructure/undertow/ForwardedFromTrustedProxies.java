package org.clinic.appointments.infrastructure.undertow;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

import jakarta.servlet.ServletContext;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.SecureCookieHandler;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.util.HttpString;

import org.eclipse.microprofile.config.ConfigProvider;

import org.clinic.appointments.security.TrustedProxies;

/**
 * On WildFly: a request that a trusted proxy forwarded ({@code appointments.trusted-proxies}) takes the client's
 * address and scheme from the proxy's {@code X-Forwarded-For} and {@code X-Forwarded-Proto}, before anything else
 * sees it, so throttles count the client and an HTTPS request is secure. Every cookie of a secure request is sent
 * {@code Secure}. Payara does the same through its own settings (see the README).
 */
public class ForwardedFromTrustedProxies implements ServletExtension {

    private static final HttpString FORWARDED_FOR = new HttpString("X-Forwarded-For");
    private static final HttpString FORWARDED_PROTO = new HttpString("X-Forwarded-Proto");

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        TrustedProxies proxies = TrustedProxies.parse(ConfigProvider.getConfig(deployment.getClassLoader())
                .getOptionalValue(TrustedProxies.SETTING, String.class).orElse(""));
        deployment.addInitialHandlerChainWrapper(next -> forwarded(proxies, new SecureCookieHandler(next)));
    }

    private static HttpHandler forwarded(TrustedProxies proxies, HttpHandler next) {
        if (proxies.isEmpty()) {
            return next;
        }
        return exchange -> {
            apply(proxies, exchange);
            next.handleRequest(exchange);
        };
    }

    private static void apply(TrustedProxies proxies, HttpServerExchange exchange) {
        InetSocketAddress source = exchange.getSourceAddress();
        if (source == null || source.getAddress() == null) {
            return;
        }
        String peer = source.getAddress().getHostAddress();
        if (!proxies.trusts(peer)) {
            return;
        }
        String client = proxies.clientAddress(peer, exchange.getRequestHeaders().getLast(FORWARDED_FOR));
        if (!client.equals(peer)) {
            try {
                exchange.setSourceAddress(new InetSocketAddress(InetAddress.getByName(client), 0));
            } catch (UnknownHostException e) {
                throw new IllegalStateException("an IP literal did not parse: " + client, e);
            }
        }
        if (proxies.forwardedHttps(peer, exchange.getRequestHeaders().getLast(FORWARDED_PROTO))) {
            exchange.setRequestScheme("https");
        }
    }
}
