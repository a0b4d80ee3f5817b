package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Admins find patients, see their appointments, and suspend or reactivate an account. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PatientsAdminIT {

    private static final Pattern PATIENT_LINK = Pattern.compile("/admin/patient\\?id=([0-9a-f-]{36})");
    private static final LocalDate DAY = LocalDate.now(ZoneId.of("Asia/Kolkata")).plusDays(6);

    @Deployment(testable = false)
    static WebArchive patients() {
        return Deployments.app("patients", true);
    }

    @ArquillianResource
    URL baseUrl;

    @Test
    void aSuspendedPatientIsLoggedOutCannotLogInAndTheirHoldIsReleasedUntilReactivated() {
        WebClient patient = new WebClient(baseUrl);
        String email = patient.registerAndLogin("Suspend Me Patient", null);
        String confirmed = patient.holdOn("doc4", DAY, "Check-up");
        assertEquals(302, patient.payAtClinic(confirmed).statusCode());
        String hold = patient.holdOn("doc5", DAY.plusDays(1), "Second opinion");

        WebClient admin = new WebClient(baseUrl);
        admin.registerAndLogin("Patients Admin", Deployments.ADMIN_CODE);
        String list = admin.get("/admin/patients?q=" + "Suspend%20Me").body();
        Matcher link = PATIENT_LINK.matcher(list);
        assertTrue(link.find(), "found by name");
        String id = link.group(1);
        assertTrue(admin.get("/admin/patients?q=" + email.substring(0, 12)).body().contains(id), "found by e-mail");
        assertTrue(admin.get("/admin/patients?q=98765%2043210").body().contains(id), "found by phone digits");

        String page = admin.get("/admin/patient?id=" + id).body();
        assertTrue(page.contains(confirmed) && page.contains(hold), "their appointments are listed");
        assertTrue(page.contains("Booking confirmed") && page.contains("Not sent: no mail server configured"),
                "their messages are listed, with what became of them");

        HttpResponse<String> suspended = admin.submit("/admin/patient?id=" + id, "stateForm", "suspend", Map.of());
        assertTrue(suspended.body().contains("is suspended; 1 unpaid hold released."), suspended.body());
        assertEquals(302, patient.get("/patient/appointments").statusCode(), "their session has ended");
        HttpResponse<String> login = new WebClient(baseUrl).login("", email, WebClient.PASSWORD);
        assertEquals(200, login.statusCode());
        assertTrue(login.body().contains("This account is suspended."), "told why");
        String holdPage = admin.get("/admin/appointment?id=" + hold).body();
        assertTrue(holdPage.contains("Account suspended") && holdPage.contains("Cancelled"), "the hold is released");
        assertTrue(admin.get("/admin/appointment?id=" + confirmed).body().contains("Confirmed"), "confirmed ones stay");

        HttpResponse<String> back = admin.submit("/admin/patient?id=" + id, "stateForm", "reactivate", Map.of());
        assertTrue(back.body().contains("can log in and book again."));
        String record = admin.get("/admin/patient?id=" + id).body();
        assertTrue(record.contains("Changes to this account"), "the patient's page lists the changes");
        assertTrue(record.indexOf("Account reactivated") < record.indexOf("Account suspended")
                && record.indexOf("Account reactivated") > 0, "newest first");
        assertEquals(302, new WebClient(baseUrl).login("", email, WebClient.PASSWORD).statusCode(), "logs in again");

        String audit = admin.get("/admin/audit").body();
        List<String> ofPatient = accountChanges(audit).stream().filter(row -> row.contains("Suspend Me Patient")).toList();
        assertEquals(3, ofPatient.size(), "the sign-up, the suspension and its end are in the audit trail: " + ofPatient);
        assertTrue(ofPatient.get(0).contains("Account reactivated") && ofPatient.get(1).contains("Account suspended")
                && ofPatient.subList(0, 2).stream().allMatch(row -> row.contains("Patients Admin")),
                "newest first, with who: " + ofPatient);
        assertTrue(ofPatient.get(2).contains("Account opened") && !ofPatient.get(2).contains("Patients Admin"),
                "the patient opened it themselves: " + ofPatient);
        assertTrue(audit.contains("/admin/patient?id=" + id), "the account leads to the patient's page");
        List<String> suspensions = accountChanges(admin.get("/admin/audit?action=user.suspended").body());
        assertTrue(suspensions.stream().anyMatch(row -> row.contains("Suspend Me Patient"))
                && suspensions.stream().noneMatch(row -> row.contains("Account reactivated")), "filtered by what: " + suspensions);
        assertTrue(accountChanges(admin.get("/admin/audit?action=booked").body()).isEmpty(),
                "an appointment's action shows no account change");
        HttpResponse<byte[]> csv = admin.download("/admin/audit?action=user.reactivated", "accountChangesForm", "exportCsv");
        String rows = new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(rows.contains("Account reactivated") && rows.contains("Suspend Me Patient")
                && !rows.contains("Account suspended"), "the accounts' changes as filtered, as CSV: " + rows);
    }

    @Test
    void aPatientsOwnChangesOfTheirAccountAreInTheAuditTrail() {
        WebClient patient = new WebClient(baseUrl);
        String email = patient.registerAndLogin("Selfservice Patient", null);
        assertEquals(302, patient.submit("/patient/profile", "profileForm", "save",
                Map.of("name", "Selfservice P. Patient", "phone", "+91 90000 33333")).statusCode());
        assertTrue(patient.submit("/patient/profile", "passwordForm", "change",
                Map.of("current", WebClient.PASSWORD, "chosen", "Velvet-Monsoon-Kite-93")).body().contains("Your password is changed,"));
        String myData = patient.get("/patient/my-data.json").body();
        assertTrue(myData.contains("\"user.password_changed\"") && myData.contains("\"you\""),
                "the patient's own data holds the changes too: " + myData);

        WebClient admin = new WebClient(baseUrl);
        admin.registerAndLogin("Audit Patients Admin", Deployments.ADMIN_CODE);
        List<String> rows = accountChanges(admin.get("/admin/audit").body()).stream()
                .filter(row -> row.contains("Selfservice P. Patient")).toList();
        assertEquals(3, rows.size(), "the sign-up, the new name and the new password, nothing else: " + rows);
        assertTrue(rows.get(2).contains("Account opened"), "opened first: " + rows);
        assertTrue(rows.get(0).contains("Password changed"), "newest first: " + rows);
        assertTrue(rows.get(1).contains("Name or phone changed")
                && rows.get(1).contains("name: Selfservice Patient → Selfservice P. Patient")
                && rows.get(1).contains("phone: +91 98765 43210 → +91 90000 33333"), "what changed, from → to: " + rows);
        assertFalse(String.join(" ", rows).contains("pbkdf2") || String.join(" ", rows).contains(email),
                "never a password hash; the address only where it changed");
    }

    @Test
    void theClinicCorrectsAWalkInsNameAndPhoneButNotThoseOfAPatientWithAnAccount() {
        WebClient admin = new WebClient(baseUrl);
        admin.registerAndLogin("Records Admin", Deployments.ADMIN_CODE);
        HttpResponse<String> registered = admin.submit("/admin/book", "walkInForm", "register",
                Map.of("name", "Typo Walkin", "phone", "+91 95555 00001"));
        String id = registered.headers().firstValue("Location").orElseThrow().replaceFirst(".*patient=", "");
        String record = "/admin/patient?id=" + id;
        assertTrue(admin.get(record).body().contains("/admin/book?patient=" + id), "the record leads to the front desk");

        String wrong = admin.submit(record, "detailsForm", "save", Map.of("name", "Typo Walkin", "phone", "12")).body();
        assertTrue(wrong.contains("+91 95555 00001") && wrong.contains("phone"), "a wrong number is refused, nothing saved");
        assertTrue(admin.submit(record, "detailsForm", "save", Map.of("name", " ", "phone", "+91 95555 00001")).body()
                .contains("Please enter the patient"), "the clinic is asked for the patient's name, not its own");
        String saved = admin.submit(record, "detailsForm", "save",
                Map.of("name", "Tapo Walkin", "phone", "+91 95555 00002")).body();
        assertTrue(saved.contains("Tapo Walkin&#39;s name and phone are saved.") || saved.contains("Tapo Walkin's name and phone are saved."),
                saved);
        String after = admin.get(record).body();
        assertTrue(after.contains("+91 95555 00002") && after.contains("Name or phone changed by Records Admin"),
                "saved, and kept on the record with who");
        assertTrue(admin.get("/admin/patients?q=95555%2000002").body().contains(id), "found by the corrected number");

        WebClient patient = new WebClient(baseUrl);
        patient.registerAndLogin("Account Holder Patient", null);
        Matcher link = PATIENT_LINK.matcher(admin.get("/admin/patients?q=Account%20Holder").body());
        assertTrue(link.find());
        String holder = admin.get("/admin/patient?id=" + link.group(1)).body();
        assertFalse(holder.contains("detailsForm"), "a patient with an account keeps their own name and phone");
    }

    @Test
    void aWalkInsRecordMergedIntoThePatientsOwnAccountBringsItsBookingThereAndIsBookedForNoMore() {
        WebClient admin = new WebClient(baseUrl);
        admin.registerAndLogin("Merge Admin", Deployments.ADMIN_CODE);
        String deskPage = FrontDeskIT.location(admin.submit("/admin/book", "walkInForm", "register",
                Map.of("name", "Merge Walkin", "phone", "+91 95555 00007")));
        String walkInId = deskPage.replaceFirst(".*patient=", "");
        String appointmentId = FrontDeskIT.location(FrontDeskIT.bookDefaults(admin, deskPage, false))
                .replaceFirst(".*id=", "");
        WebClient patient = new WebClient(baseUrl);
        String email = patient.registerAndLogin("Merge Account Patient", null);
        assertFalse(patient.get("/patient/appointments").body().contains(appointmentId), "not on the account yet");

        String record = "/admin/patient?id=" + walkInId;
        String unknown = admin.submit(record, "mergeForm", "findAccount", Map.of("mergeEmail", "nobody@example.com")).body();
        assertTrue(unknown.contains("account has that e-mail address. Ask the patient"), unknown);
        WebClient.FormPage found = admin.answered(record, admin.post(admin.open(record), "mergeForm", "findAccount",
                Map.of("mergeEmail", email.toUpperCase())).body());
        assertTrue(found.body().contains("into the account of Merge Account Patient (" + email)
                && found.body().contains("Its 1 appointment moves there."), "the admin sees whose account: " + found.body());
        assertTrue(admin.get("/admin/patient?id=" + walkInId).body().contains("Active"), "nothing merged before the confirmation");

        HttpResponse<String> merged = admin.post(found, "mergeForm", "confirmMerge", Map.of());
        assertEquals(302, merged.statusCode(), merged.body());
        String accountPage = admin.get(FrontDeskIT.location(merged)).body();
        assertTrue(accountPage.contains("1 appointment moved to this account from the walk-in record of Merge Walkin.")
                && accountPage.contains(appointmentId), "the account's page lists the appointment: " + accountPage);
        assertTrue(accountPage.contains("Walk-in records merged into this account")
                && accountPage.contains("/admin/patient?id=" + walkInId), "and leads to the record it came from");
        assertTrue(patient.get("/patient/appointments").body().contains(appointmentId), "the patient sees it when logged in");
        String myData = patient.get("/patient/my-data.json").body();
        assertTrue(myData.contains("\"merged_records\"") && myData.contains("Merge Walkin") && myData.contains("+91 95555 00007")
                && myData.contains(appointmentId) && !myData.contains("walk-in.invalid"),
                "the patient's own data holds the record the clinic merged into their account: " + myData);
        String appointment = admin.get("/admin/appointment?id=" + appointmentId).body();
        assertTrue(appointment.contains("Merge Account Patient") && appointment.contains("account or other record (walk-in record merged)"),
                "it names the account's holder, and its history says why: " + appointment);

        String walkIn = admin.get(record).body();
        assertTrue(walkIn.contains("merged into the account of Merge Account Patient") && !walkIn.contains("mergeForm")
                && !walkIn.contains("/admin/book?patient=" + walkInId) && walkIn.contains("or other record by Merge Admin"),
                "the record says where it went, and offers nothing more: " + walkIn);
        assertTrue(admin.get(deskPage).body().contains("or other record: find the patient by that record"), "the desk books for it no more");
        assertFalse(admin.submit("/admin/book", "findForm", "search", Map.of("query", "Merge Walkin")).body()
                .contains("patient=" + walkInId), "nor finds it");
        assertTrue(accountChanges(admin.get("/admin/audit?action=user.merged_into").body()).stream()
                .anyMatch(row -> row.contains("Merge Walkin") && row.contains("Merge Admin")), "the audit trail has the merge");

        String undone = admin.answered(record, admin.post(admin.open(record), "undoMergeForm", "undoMerge", Map.of())
                .body()).body();
        assertTrue(undone.contains("The merge is undone: this record is its own again. 1 appointment came back to it.")
                && undone.contains("mergeForm") && undone.contains(appointmentId), "the record is its own again: " + undone);
        assertFalse(patient.get("/patient/appointments").body().contains(appointmentId), "the patient no longer sees it");
        assertFalse(patient.get("/patient/my-data.json").body().contains("+91 95555 00007"), "nor their data the record");
        assertTrue(admin.get("/admin/appointment?id=" + appointmentId).body().contains("Moved back to its walk-in record"),
                "the appointment's history says why");
        assertTrue(admin.submit("/admin/book", "findForm", "search", Map.of("query", "Merge Walkin")).body()
                .contains("patient=" + walkInId), "the desk finds the record again");
        assertTrue(accountChanges(admin.get("/admin/audit?action=user.merge_undone").body()).stream()
                .anyMatch(row -> row.contains("Merge Walkin") && row.contains("Merge Admin")), "the audit trail has the undo");
    }

    @Test
    void aWalkInRegisteredTwiceIsMergedIntoTheOtherRecordAndBothFollowItIntoTheAccountLater() {
        WebClient admin = new WebClient(baseUrl);
        admin.registerAndLogin("Twice Admin", Deployments.ADMIN_CODE);
        String kept = FrontDeskIT.location(admin.submit("/admin/book", "walkInForm", "register",
                Map.of("name", "Twice Walkin", "phone", "+91 95555 00017"))).replaceFirst(".*patient=", "");
        FrontDeskIT.location(admin.submit("/admin/book", "walkInForm", "register",
                Map.of("name", "Twice Walkin Neighbour", "phone", "+91 95555 00018")));
        String deskPage = FrontDeskIT.location(admin.submit("/admin/book", "walkInForm", "register",
                Map.of("name", "Twice Walkin", "phone", "+91 95555 00019")));
        String duplicate = deskPage.replaceFirst(".*patient=", "");
        String appointmentId = FrontDeskIT.location(FrontDeskIT.bookDefaults(admin, deskPage, false))
                .replaceFirst(".*id=", "");

        String record = "/admin/patient?id=" + duplicate;
        String none = admin.submit(record, "mergeRecordForm", "findRecords", Map.of("mergeQuery", "Nobody Of That Name"))
                .body();
        assertTrue(none.contains("No other walk-in record matches."), none);
        WebClient.FormPage found = admin.answered(record, admin.post(admin.open(record), "mergeRecordForm", "findRecords",
                Map.of("mergeQuery", "twice walkin")).body());
        List<String> candidates = List.of(found.body().split("merge-candidate")).subList(1, 3);
        assertTrue(candidates.stream().noneMatch(c -> c.contains("+91 95555 00019")), "not itself: " + candidates);
        String choice = candidates.stream().filter(c -> c.contains("+91 95555 00017")).findFirst()
                .map(c -> c.replaceFirst("(?s).*?name=\"mergeRecordForm:(candidates:\\d+:chooseRecord)\".*", "$1"))
                .orElseThrow(() -> new AssertionError("both records of that name are offered: " + found.body()));
        WebClient.FormPage preview = admin.answered(record, admin.post(found, "mergeRecordForm", choice, Map.of()).body());
        assertTrue(preview.body().contains("into the walk-in record of Twice Walkin (+91 95555 00017)")
                && preview.body().contains("Its 1 appointment moves there."), "the admin sees which record: " + preview.body());
        HttpResponse<String> merged = admin.post(preview, "mergeForm", "confirmMerge", Map.of());
        assertEquals(302, merged.statusCode(), merged.body());
        String keptPage = admin.get(FrontDeskIT.location(merged)).body();
        assertTrue(keptPage.contains("1 appointment moved to this record from the walk-in record of Twice Walkin.")
                && keptPage.contains(appointmentId) && keptPage.contains("Walk-in records merged into this record"),
                "the kept record has the appointment: " + keptPage);
        assertTrue(admin.get(record).body().contains("merged into the walk-in record of Twice Walkin"),
                "the duplicate says where it went");
        assertTrue(keptPage.contains("mergeForm"), "the kept record may still be merged into an account");

        WebClient patient = new WebClient(baseUrl);
        String email = patient.registerAndLogin("Twice Account Patient", null);
        String keptRecord = "/admin/patient?id=" + kept;
        WebClient.FormPage account = admin.answered(keptRecord, admin.post(admin.open(keptRecord), "mergeForm",
                "findAccount", Map.of("mergeEmail", email)).body());
        assertEquals(302, admin.post(account, "mergeForm", "confirmMerge", Map.of()).statusCode());
        assertTrue(patient.get("/patient/appointments").body().contains(appointmentId), "the patient sees it");
        String myData = patient.get("/patient/my-data.json").body();
        assertTrue(myData.contains("+91 95555 00017") && myData.contains("+91 95555 00019"),
                "the patient's data names both records of theirs: " + myData);
    }

    /** The rows of the audit trail's account changes, as text. */
    static List<String> accountChanges(String auditPage) {
        Matcher row = Pattern.compile("<tr[^>]*account-change-row[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(auditPage);
        List<String> rows = new java.util.ArrayList<>();
        while (row.find()) {
            rows.add(row.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip());
        }
        return rows;
    }

    @Test
    void patientsOnlyAndNeverToPatients() {
        WebClient admin = new WebClient(baseUrl);
        String adminEmail = admin.registerAndLogin("Second Patients Admin", Deployments.ADMIN_CODE);
        assertFalse(admin.get("/admin/patients?q=Admin").body().contains(adminEmail), "admins are not listed");
        WebClient patient = new WebClient(baseUrl);
        patient.registerAndLogin("Curious Patient", null);
        assertEquals(404, patient.get("/admin/patients?q=a").statusCode());
    }
}
