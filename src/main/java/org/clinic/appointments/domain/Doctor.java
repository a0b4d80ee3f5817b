package org.clinic.appointments.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A doctor of the clinic: reference data, read from {@code doctors.json}. */
public class Doctor implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private String id;
    private String name;
    private String specialization;
    private String qualification;
    private String experience;
    private String email;
    private String phone;
    private String location;
    private String about;
    private String image;

    public Doctor() {
    }

    /** Two letters for the avatar: "Dr. Meera Kulkarni" gives "MK". */
    public String getInitials() {
        if (name == null) {
            return "";
        }
        String[] words = Arrays.stream(name.split("\\s+"))
                .filter(w -> !w.isBlank() && !w.toLowerCase(Locale.ROOT).startsWith("dr"))
                .toArray(String[]::new);
        if (words.length == 0) {
            return "";
        }
        String first = words[0].substring(0, 1);
        String last = words.length > 1 ? words[words.length - 1].substring(0, 1) : "";
        return (first + last).toUpperCase(Locale.ROOT);
    }

    public boolean matches(String text) {
        if (text == null || text.isBlank()) {
            return true;
        }
        String needle = text.strip().toLowerCase(Locale.ROOT);
        return Arrays.asList(name, specialization).stream()
                .filter(v -> v != null)
                .map(v -> v.toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(" "))
                .contains(needle);
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
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

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
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

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }
}
