package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Admins keep the doctors' records: add and edit a doctor with their own fee, a photo checked by its content, the
 * list of specializations; every change is listed with who made it and from what to what.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DoctorRecordsIT {

    private static final Pattern NEW_DOCTOR = Pattern.compile("/admin/doctor\\?id=(dr-[0-9a-f]{8})");
    private static final Pattern PHOTO = Pattern.compile("/doctor-photo/([0-9a-f]{32}\\.(png|jpg))");

    @Deployment(testable = false)
    static WebArchive doctors() {
        return Deployments.app("doctors", true);
    }

    @ArquillianResource
    URL baseUrl;

    private static WebClient admin;
    private static WebClient patient;

    private WebClient admin() {
        if (admin == null) {
            admin = new WebClient(baseUrl);
            admin.registerAndLogin("Records Admin", Deployments.ADMIN_CODE);
        }
        return admin;
    }

    private WebClient patient() {
        if (patient == null) {
            patient = new WebClient(baseUrl);
            patient.registerAndLogin("Records Patient", null);
        }
        return patient;
    }

    private static Map<String, String> details(String name, String specialization, String fee) {
        Map<String, String> fields = new HashMap<>(Map.of("name", name, "specialization", specialization,
                "qualification", "MBBS, MD", "experience", "9 years", "phone", "+91 98111 22233",
                "email", "kavya.iyer@clinic.example", "location", "Block B, Room 4", "about", "Sees adults.\nSpeaks Tamil."));
        fields.put("fee", fee);
        return fields;
    }

    private String addDoctor(String name, String fee) {
        HttpResponse<String> added = admin().submit("/admin/doctor", "doctorForm", "save",
                details(name, "Cardiologist", fee));
        assertEquals(302, added.statusCode(), "added and shown: " + added.body());
        Matcher id = NEW_DOCTOR.matcher(added.headers().firstValue("Location").orElse(""));
        assertTrue(id.find(), added.headers().toString());
        return id.group(1);
    }

    private int doctorRows() {
        return admin().get("/admin/doctors").body().split("doctor-row", -1).length - 1;
    }

    static byte[] image(String format, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(width / 2, height / 2, 0x336699);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    @Test
    void anAddedDoctorIsFoundAndBookedAtTheirOwnFeeAndEditsAreListedWithWhoAndFromTo() {
        String id = addDoctor("Dr. Kavya Iyer", "900");
        String profile = patient().get("/patient/doctor?id=" + id).body();
        assertTrue(profile.contains("Dr. Kavya Iyer") && profile.contains("₹900"), "the patient sees the doctor and fee");
        assertTrue(patient().get("/patient/doctors").body().contains("Dr. Kavya Iyer"), "in patients' search");

        String appointment = patient().holdFirstFreeSlot(id, "Chest pain on stairs");
        assertTrue(patient().get("/patient/pay?id=" + appointment).body().contains("₹ 900"), "charged the doctor's fee");
        WebClient another = new WebClient(baseUrl);
        another.registerAndLogin("Another Patient", null);
        String other = another.holdFirstFreeSlot("doc2", "Knee");
        assertTrue(another.get("/patient/pay?id=" + other).body().contains("₹ 500"), "others keep the clinic's fee");

        HttpResponse<String> edited = admin().submit("/admin/doctor?id=" + id, "doctorForm", "save",
                details("Dr. Kavya Iyer", "Cardiologist", "950"));
        assertEquals(200, edited.statusCode());
        assertTrue(edited.body().contains("The changes are saved."), edited.body());
        String page = admin().get("/admin/doctor?id=" + id).body();
        assertTrue(page.contains("Records Admin"), "who");
        Matcher feeRow = Pattern.compile("change-row.*?fee.*?900.*?950", Pattern.DOTALL).matcher(page);
        assertTrue(feeRow.find(), "the fee's change from 900 to 950 is listed");
        String audit = admin().get("/admin/audit").body();
        Matcher auditRow = Pattern.compile("doctor-change-row.*?Records Admin.*?Dr. Kavya Iyer.*?fee.*?900.*?950",
                Pattern.DOTALL).matcher(audit);
        assertTrue(auditRow.find(), "the audit trail lists the doctor's change");
        HttpResponse<byte[]> csv = admin().download("/admin/audit", "doctorChangesForm", "exportCsv");
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"), "a CSV file");
        String rows = new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(rows.contains("\"Records Admin\",\"Dr. Kavya Iyer\",\"Edited: fee\",\"900 → 950\""),
                "the doctors' changes export with who, which doctor, what and from → to: " + rows);
        HttpResponse<String> again = admin().submit("/admin/doctor?id=" + id, "doctorForm", "save",
                details("Dr. Kavya Iyer", "Cardiologist", "950.00"));
        assertTrue(again.body().contains("Nothing was changed."), "the same fee written differently is no change");
    }

    @Test
    void aCorrectedNameIsTheNameOnTheDoctorsBookingsStillToCome() {
        String id = addDoctor("Dr. Nandni Rao", "700");
        WebClient patient = new WebClient(baseUrl);
        patient.registerAndLogin("Renamed Doctor's Patient", null);
        String appointment = patient.holdFirstFreeSlot(id, "Follow-up");
        assertTrue(admin().submit("/admin/doctor?id=" + id, "doctorForm", "save",
                details("Dr. Nandini Rao", "Cardiologist", "700")).body().contains("Bookings from today on show the new name"),
                "the admin is told where the new name goes");

        String mine = patient.get("/patient/pay?id=" + appointment).body();
        assertTrue(mine.contains("Dr. Nandini Rao") && !mine.contains("Dr. Nandni Rao"), "the patient's booking");
        String clinics = admin().get("/admin/appointment?id=" + appointment).body();
        assertTrue(clinics.contains("Dr. Nandini Rao") && (clinics.contains("Doctor&#39;s name updated")
                || clinics.contains("Doctor's name updated")), "the clinic's page, with the change in its history");
    }

    @Test
    void invalidDetailsAreRefusedWithTheirMessageAndAddNobody() {
        int before = doctorRows();
        Map<String, String> refusals = Map.of(
                "name", "", "fee", "-5", "email", "not-an-address", "phone", "call me",
                "about", "x".repeat(2001), "specialization", "");
        Map<String, String> messages = Map.of(
                "name", "Type the doctor's name.", "fee", "A fee is from ₹0 to ₹100000",
                "email", "Please enter a valid e-mail address", "phone", "Please enter a phone number of 8 to 20 digits",
                "about", "About is at most 2000 characters.",
                "specialization", "Choose a specialization.");
        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            Map<String, String> fields = details("Dr. Refused", "Cardiologist", "700");
            fields.put(refusal.getKey(), refusal.getValue());
            HttpResponse<String> answer = admin().submit("/admin/doctor", "doctorForm", "save", fields);
            assertEquals(200, answer.statusCode(), refusal.getKey());
            String body = answer.body().replace("&#39;", "'");
            assertTrue(body.contains(refusal.getKey() + "Message") && body.contains(messages.get(refusal.getKey())),
                    refusal.getKey() + " refused with its message: " + body);
        }
        for (String fee : new String[] {"abc", "1e9", "100000.01", "12.345"}) {
            HttpResponse<String> answer = admin().submit("/admin/doctor", "doctorForm", "save",
                    details("Dr. Refused", "Cardiologist", fee));
            assertTrue(answer.body().contains("ui-message-error"), "fee " + fee + " refused");
        }
        assertEquals(before, doctorRows(), "no doctor was added");
    }

    @Test
    void aPhotoIsCheckedByItsContentKeptAsPixelsAndServedSafely() throws IOException {
        String id = addDoctor("Dr. Photo Test", "");
        String path = "/admin/doctor?id=" + id;
        assertTrue(admin().get(path).body().contains("class=\"avatar large\""), "initials before a photo");

        HttpResponse<String> text = admin().upload(admin().open(path), "photoForm", "upload", "photo", "photo.png",
                "image/png", "just some text, not a picture".getBytes(StandardCharsets.UTF_8));
        assertTrue(text.body().contains("That file is not a PNG or JPEG photo."), "judged by content, not name or type");
        HttpResponse<String> svg = admin().upload(admin().open(path), "photoForm", "upload", "photo", "face.svg",
                "image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                        .getBytes(StandardCharsets.UTF_8));
        assertTrue(svg.body().contains("That file is not a PNG or JPEG photo."), "SVG with script refused");
        assertFalse(svg.body().contains("<script>alert(1)"));
        byte[] big = Arrays.copyOf(image("png", 50, 50), 1_500_000);
        HttpResponse<String> tooBig = admin().upload(admin().open(path), "photoForm", "upload", "photo", "big.png",
                "image/png", big);
        assertTrue(tooBig.body().contains("That file is larger than 1 MB."), "over 1 MB refused");
        HttpResponse<String> huge = admin().upload(admin().open(path), "photoForm", "upload", "photo", "huge.png",
                "image/png", new byte[3_000_000]);
        assertEquals(413, huge.statusCode(), "a body over the request limit is refused unparsed");
        assertTrue(huge.body().contains("Too much sent at once"), "the plain page says why");
        HttpResponse<String> empty = admin().upload(admin().open(path), "photoForm", "upload", "photo", "",
                "application/octet-stream", new byte[0]);
        assertTrue(empty.body().contains("Choose a photo to upload first."), "an empty upload is told to choose one: "
                + empty.statusCode() + " " + empty.body().substring(0, Math.min(600, empty.body().length())));
        assertFalse(PHOTO.matcher(admin().get(path).body()).find(), "no refused upload became the photo");

        byte[] polyglot = concat(image("png", 300, 300),
                "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> saved = admin().upload(admin().open(path), "photoForm", "upload", "photo", "me.html",
                "text/html", polyglot);
        assertTrue(saved.body().contains("The photo is saved."), saved.body());
        Matcher photo = PHOTO.matcher(admin().get(path).body());
        assertTrue(photo.find(), "the page shows the photo");
        assertTrue(PHOTO.matcher(patient().get("/patient/doctor?id=" + id).body()).find(), "patients see it too");

        HttpResponse<byte[]> served = patient().getBytes("/doctor-photo/" + photo.group(1));
        assertEquals(200, served.statusCode());
        assertEquals("image/png", served.headers().firstValue("Content-Type").orElse(""));
        assertEquals("nosniff", served.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(served.headers().firstValue("Content-Security-Policy").orElse("").contains("sandbox"));
        assertFalse(new String(served.body(), StandardCharsets.ISO_8859_1).contains("<script"), "only pixels are kept");
        assertEquals(300, ImageIO.read(new ByteArrayInputStream(served.body())).getWidth());
        assertNotEquals(200, new WebClient(baseUrl).getBytes("/doctor-photo/" + photo.group(1)).statusCode(),
                "not for anyone signed out");
        assertEquals(404, patient().getBytes("/doctor-photo/..%2Fdoctors.json").statusCode());
        assertEquals(404, patient().getBytes("/doctor-photo/" + "0".repeat(32) + ".png").statusCode());

        assertTrue(admin().get(path).body().contains("photo_changed") || admin().get(path).body().contains("Photo"),
                "the photo change is listed");
    }

    @Test
    void theSpecializationsAreTheAdminsListAndOneInUseStays() {
        HttpResponse<String> added = admin().submit("/admin/doctors", "specializationsForm", "add",
                Map.of("name", "Geriatrics"));
        assertTrue(added.body().contains("Geriatrics is added to the list."), added.body());
        assertTrue(admin().get("/admin/doctor").body().contains(">Geriatrics</option>"), "offered for a doctor");
        HttpResponse<String> twice = admin().submit("/admin/doctors", "specializationsForm", "add",
                Map.of("name", "geriatrics"));
        assertTrue(twice.body().contains("is in the list already."));
        HttpResponse<String> inUse = removeSpecialization("Cardiologist");
        assertTrue(inUse.body().contains("Cardiologist cannot be removed: "), inUse.body());
        assertTrue(admin().get("/admin/doctor").body().contains(">Cardiologist</option>"), "still in the list");
        HttpResponse<String> removed = removeSpecialization("Geriatrics");
        assertTrue(removed.body().contains("Geriatrics is removed from the list."), removed.body());
        assertFalse(admin().get("/admin/doctor").body().contains(">Geriatrics</option>"));
    }

    private HttpResponse<String> removeSpecialization(String name) {
        WebClient.FormPage page = admin().open("/admin/doctors");
        Matcher item = Pattern.compile("<li class=\"specialization\">([^<]+)<").matcher(page.body());
        int index = 0;
        while (item.find()) {
            if (item.group(1).strip().equals(name)) {
                return admin().post(page, "specializationsForm", "list:" + index + ":remove", Map.of());
            }
            index++;
        }
        throw new AssertionError(name + " is not listed");
    }

    @Test
    void aDoctorDeactivatedOnTheirPageLeavesPatientsSearch() {
        String id = addDoctor("Dr. Leaving Soon", "");
        assertTrue(patient().get("/patient/doctors").body().contains("Dr. Leaving Soon"));
        HttpResponse<String> off = admin().submit("/admin/doctor?id=" + id, "activeForm", "deactivate", Map.of());
        assertTrue(off.body().replace("&#39;", "'").contains("no longer appears in patients' search"), off.body());
        assertFalse(patient().get("/patient/doctors").body().contains("Dr. Leaving Soon"));
        assertEquals(404, patient().get("/patient/book?doctor=" + id).statusCode());
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
