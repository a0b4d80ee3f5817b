package org.clinic.appointments.application;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.clinic.appointments.domain.Doctor;

/** What an admin types about a doctor on {@code /admin/doctor}. */
public class DoctorDetails {

    static final int NAME_MAX = 100;

    @NotBlank(message = "{doctor.name.required}")
    @PlainText(max = NAME_MAX, message = "{doctor.name.size}")
    @Pattern(regexp = "[^<>\"\\p{Cntrl}]*", message = "{registration.name.characters}")
    private String name;

    @NotBlank(message = "{doctor.specialization.required}")
    private String specialization;

    @PlainText(max = 200, message = "{doctor.text.size}")
    private String qualification;

    @PlainText(max = 60, message = "{doctor.text.size}")
    private String experience;

    @Pattern(regexp = "\\+?[0-9][0-9 \\-]{6,18}[0-9]", message = "{registration.phone.invalid}")
    private String phone;

    @AccountEmail
    private String email;

    @PlainText(max = 200, message = "{doctor.text.size}")
    private String location;

    @PlainText(max = 2000, multiline = true, message = "{doctor.about.size}")
    private String about;

    @DecimalMin(value = "0", message = "{doctor.fee.range}")
    @DecimalMax(value = "100000", message = "{doctor.fee.range}")
    @Digits(integer = 6, fraction = 2, message = "{doctor.fee.range}")
    private BigDecimal fee;

    public static DoctorDetails of(Doctor doctor) {
        DoctorDetails details = new DoctorDetails();
        details.name = doctor.getName();
        details.specialization = doctor.getSpecialization();
        details.qualification = doctor.getQualification();
        details.experience = doctor.getExperience();
        details.phone = doctor.getPhone();
        details.email = doctor.getEmail();
        details.location = doctor.getLocation();
        details.about = doctor.getAbout();
        details.fee = doctor.getFee();
        return details;
    }

    /** The details as a record (no id, photo or history), stripped of surrounding blanks. */
    Doctor toDoctor() {
        Doctor doctor = new Doctor();
        doctor.setName(strip(name));
        doctor.setSpecialization(strip(specialization));
        doctor.setQualification(strip(qualification));
        doctor.setExperience(strip(experience));
        doctor.setPhone(strip(phone));
        doctor.setEmail(strip(email));
        doctor.setLocation(strip(location));
        doctor.setAbout(strip(about));
        doctor.setFee(fee == null ? null : fee.stripTrailingZeros().scale() < 0 ? fee.setScale(0) : fee.stripTrailingZeros());
        return doctor;
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getSpecialization() {
        return specialization;
    }

    public void setSpecialization(String specialization) {
        this.specialization = specialization;
    }

    public String getQualification() {
        return qualification;
    }

    public void setQualification(String qualification) {
        this.qualification = qualification;
    }

    public String getExperience() {
        return experience;
    }

    public void setExperience(String experience) {
        this.experience = experience;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getLocation() {
        return location;
    }

    public void setLocation(String location) {
        this.location = location;
    }

    public String getAbout() {
        return about;
    }

    public void setAbout(String about) {
        this.about = about;
    }

    public BigDecimal getFee() {
        return fee;
    }

    public void setFee(BigDecimal fee) {
        this.fee = fee;
    }
}
