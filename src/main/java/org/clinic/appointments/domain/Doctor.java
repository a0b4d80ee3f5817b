package org.clinic.appointments.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A doctor of the clinic, as admins keep the record: who they are, their fee (none: the clinic's), their photo (none:
 * initials) and every change of the record. Members it does not know from the earlier system are kept as they are.
 */
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
    private BigDecimal fee;
    private String photo;
    private List<DoctorChange> history = new ArrayList<>();
    private Map<String, Object> otherFields;

    public Doctor() {
    }

    public Doctor copy() {
        Doctor copy = new Doctor();
        copy.id = id;
        copy.image = image;
        for (DoctorField field : DoctorField.values()) {
            field.copy(this, copy);
        }
        copy.history = new ArrayList<>(history);
        copy.otherFields = otherFields == null ? null : new java.util.LinkedHashMap<>(otherFields);
        return copy;
    }

    /** A new doctor with the details given, under {@code id}; its history starts with its addition. */
    public static Doctor added(String id, Doctor details, Instant at, String actor) {
        Doctor added = new Doctor();
        added.id = id;
        for (DoctorField field : DoctorField.values()) {
            field.copy(details, added);
        }
        added.history.add(new DoctorChange(at, actor, ChangeType.DOCTOR_ADDED, null, null, null));
        return added;
    }

    /** The fields that {@code details} would change, in the form's order. */
    public List<DoctorField> changedBy(Doctor details) {
        return Arrays.stream(DoctorField.values()).filter(f -> f != DoctorField.PHOTO && f.differs(this, details))
                .toList();
    }

    /** This record with the details given (all but the photo), one history entry per field that changed. */
    public Doctor edited(Doctor details, Instant at, String actor) {
        Doctor edited = copy();
        for (DoctorField field : changedBy(details)) {
            edited.history.add(new DoctorChange(at, actor, ChangeType.DOCTOR_EDITED, field, field.valueOf(this),
                    field.valueOf(details)));
            field.copy(details, edited);
        }
        return edited;
    }

    /** This record with another photo (null: none). */
    public Doctor withPhoto(String newPhoto, Instant at, String actor) {
        Doctor changed = copy();
        changed.history.add(new DoctorChange(at, actor, ChangeType.DOCTOR_PHOTO_CHANGED, DoctorField.PHOTO, photo,
                newPhoto));
        changed.photo = newPhoto;
        return changed;
    }

    /** What a consultation costs: the doctor's own fee, else the clinic's. */
    public BigDecimal feeOr(BigDecimal clinicFee) {
        return fee == null ? clinicFee : fee;
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

    /**
     * Whether this doctor may see the patients of {@code own} in their place (a new time after a leave): the same
     * doctor, or another of the same specialization.
     */
    public boolean mayStandInFor(Doctor own) {
        return own != null && (own.getId().equals(id)
                || own.specialization != null && own.specialization.equals(specialization));
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

    public BigDecimal getFee() {
        return fee;
    }

    public void setFee(BigDecimal fee) {
        this.fee = fee;
    }

    public String getPhoto() {
        return photo;
    }

    public void setPhoto(String photo) {
        this.photo = photo;
    }

    /** The record's changes, oldest first. */
    public List<DoctorChange> getHistory() {
        return List.copyOf(history);
    }

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }
}
