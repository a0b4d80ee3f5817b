package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** An admin adds a doctor with a photo in the browser; patients then find them with that photo. Pages are accessible. */
@RunAsClient
class DoctorRecordsBrowserIT extends BrowserTestBase {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app("doctors-browser", true);
    }

    @Test
    void anAdminAddsADoctorWithAPhotoAndPatientsSeeIt() throws IOException {
        registerFirstAdminAndLogIn("Records Admin");

        clickAndWait("navDoctors");
        checkAccessibility();
        assertAvatarsRound();
        clickAndWait("addDoctor");
        checkAccessibility();
        type("doctorForm:name", "Dr. Nandini Rao");
        new Select(id("doctorForm:specialization")).selectByVisibleText("Dermatologist");
        type("doctorForm:qualification", "MBBS, MD (Dermatology)");
        type("doctorForm:experience", "11 years");
        type("doctorForm:fee", "650");
        clickAndWait("doctorForm:save");
        assertTrue(messages().contains("Dr. Nandini Rao is added"), messages());
        assertTrue(path().startsWith("/admin/doctor"), path());
        assertAvatarsRound();

        Path photo = Files.createTempFile(downloads(), "nandini-", ".jpg");
        Files.write(photo, DoctorRecordsIT.image("jpeg", 400, 400));
        id("photoForm:photo").sendKeys(photo.toString());
        clickAndWait("photoForm:upload");
        assertTrue(messages().contains("The photo is saved."), messages());
        assertTrue(loadedImages() >= 1, "the photo shows");
        assertAvatarsRound();
        checkAccessibility();
        assertTrue(pageText().contains("Added"), "the record's changes are listed");
        open("/admin/patients?q=Records");
        open("/admin/audit");

        clickAndWait("logoutForm:logout");
        String patient = "patient-" + java.util.UUID.randomUUID() + "@example.com";
        open("/register");
        type("registerForm:name", "Photo Patient");
        type("registerForm:email", patient);
        type("registerForm:phone", "+91 99999 00002");
        type("registerForm:password", WebClient.PASSWORD);
        clickAndWait("registerForm:register");
        open("/login");
        type("loginForm:email", patient);
        type("loginForm:password", WebClient.PASSWORD);
        clickAndWait("loginForm:login");
        open("/patient/doctors");
        assertTrue(pageText().contains("Dr. Nandini Rao"), "in patients' search");
        assertEquals(1, loadedImages(), "with the photo; the others show initials");
        assertAvatarsRound();
        checkAccessibility();
    }

    /** Every doctor's picture on the page, photo or initials, is as wide as it is tall: a circle, never an oval. */
    @SuppressWarnings("unchecked")
    private void assertAvatarsRound() {
        List<String> shapes = (List<String>) ((JavascriptExecutor) browser()).executeScript("""
                var shapes = [];
                document.querySelectorAll('.avatar').forEach(function (e) {
                    var r = e.getBoundingClientRect();
                    shapes.push(Math.round(r.width) + 'x' + Math.round(r.height));
                });
                return shapes;
                """);
        assertFalse(shapes.isEmpty(), path() + " shows doctors' pictures");
        shapes.forEach(shape -> assertEquals(shape.split("x")[0], shape.split("x")[1], path() + ": a picture of " + shape));
    }

    /** Doctors' photos on the page that the browser has loaded and decoded. */
    private long loadedImages() {
        waitFor(() -> browser().findElements(By.cssSelector("img.avatar.photo")).stream()
                .allMatch(img -> Boolean.TRUE.equals(((JavascriptExecutor) browser())
                        .executeScript("return arguments[0].complete;", img))), "photos loaded");
        return browser().findElements(By.cssSelector("img.avatar.photo")).stream()
                .filter(this::decoded).count();
    }

    private boolean decoded(WebElement img) {
        Object width = ((JavascriptExecutor) browser()).executeScript("return arguments[0].naturalWidth;", img);
        return width instanceof Number number && number.intValue() > 0;
    }
}
