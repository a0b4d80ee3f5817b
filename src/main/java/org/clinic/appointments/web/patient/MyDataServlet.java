package org.clinic.appointments.web.patient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.clinic.appointments.application.PatientAccount;
import org.clinic.appointments.domain.User;

/**
 * "My data" ({@code /patient/my-data.json}): everything the clinic holds about the signed-in patient, as JSON
 * (their right of access under India's DPDP Act). Only ever the caller's own; never the password hash.
 */
@WebServlet("/patient/my-data.json")
public class MyDataServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    PatientAccount account;

    private transient Jsonb json;

    @Override
    public void init() {
        json = JsonbBuilder.create(new JsonbConfig().withFormatting(true));
    }

    @Override
    public void destroy() {
        try {
            json.close();
        } catch (Exception e) {
            log("closing the JSON binding", e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PatientAccount.MyData data = account.myData();
        Map<String, Object> whole = new LinkedHashMap<>();
        whole.put("account", account(data.account()));
        if (!data.mergedRecords().isEmpty()) {
            whole.put("merged_records", data.mergedRecords().stream().map(MyDataServlet::account).toList());
        }
        whole.put("appointments", data.appointments());
        byte[] body = json.toJson(whole).getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/json; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"my-data.json\"");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static Map<String, Object> account(User user) {
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("id", user.getId());
        account.put("name", user.getName());
        account.put("email", user.isWalkIn() ? null : user.getEmail());
        account.put("phone", user.getPhone());
        account.put("role", user.getRole().code());
        account.put("created_at", user.getCreatedAt() == null ? null : user.getCreatedAt().toString());
        account.put("email_verified", user.isEmailVerified());
        if (user.getPendingEmail() != null) {
            account.put("pending_email", user.getPendingEmail());
        }
        if (user.getSuspendedAt() != null) {
            account.put("suspended_at", user.getSuspendedAt().toString());
        }
        account.put("changes", user.getChanges().stream().map(change -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("at", change.getAt().toString());
            row.put("by", user.getId().equals(change.getActor()) ? "you" : "clinic");
            row.put("action", change.getAction());
            row.put("detail", change.getDetail());
            return row;
        }).toList());
        return account;
    }
}
