package org.clinic.appointments.domain;

import java.time.Instant;
import java.util.Map;

/** An account: a patient or an admin. {@code password} holds the password hash, never the password. */
public class User {

    private String id;
    private String name;
    private String email;
    private String password;
    private String phone;
    private Role role;
    private Instant createdAt;
    /** Fields of a migrated record that this product does not use, kept as they were; null when there are none. */
    private Map<String, Object> otherFields;

    public User() {
    }

    public User copy() {
        User copy = new User();
        copy.id = id;
        copy.name = name;
        copy.email = email;
        copy.password = password;
        copy.phone = phone;
        copy.role = role;
        copy.createdAt = createdAt;
        copy.otherFields = otherFields;
        return copy;
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

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public Map<String, Object> getOtherFields() {
        return otherFields;
    }

    public void setOtherFields(Map<String, Object> otherFields) {
        this.otherFields = otherFields == null || otherFields.isEmpty() ? null : otherFields;
    }
}
