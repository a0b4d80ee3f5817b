package org.clinic.appointments.web;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.prometheus.metrics.exporter.common.PrometheusScrapeHandler;
import io.prometheus.metrics.exporter.servlet.jakarta.HttpExchangeAdapter;

import org.clinic.appointments.infrastructure.config.AppConfig;
import org.clinic.appointments.infrastructure.metrics.ClinicMetrics;

/**
 * The product's metrics for a Prometheus scraper, on both servers. Off (404) until {@code appointments.metrics-token}
 * is set; then only for {@code Authorization: Bearer <token>}.
 */
@WebServlet(urlPatterns = MetricsServlet.PATH)
public class MetricsServlet extends HttpServlet {

    public static final String PATH = "/monitoring/metrics";
    private static final long serialVersionUID = 1L;
    private static final String BEARER = "Bearer ";

    @Inject
    transient ClinicMetrics metrics;

    @Inject
    transient AppConfig config;

    private transient PrometheusScrapeHandler handler;

    @Override
    public void init() throws ServletException {
        handler = new PrometheusScrapeHandler(metrics.registry());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (config.metricsToken().isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String authorization = request.getHeader("Authorization");
        String token = authorization != null && authorization.startsWith(BEARER)
                ? authorization.substring(BEARER.length()) : null;
        if (!config.isMetricsToken(token)) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"metrics\"");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        handler.handleRequest(new HttpExchangeAdapter(request, response));
    }
}
