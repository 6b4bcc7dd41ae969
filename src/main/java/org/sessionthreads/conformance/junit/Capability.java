package org.sessionthreads.conformance.junit;

import java.util.function.Predicate;

import org.sessionthreads.conformance.config.TargetProfile;

/** Something a target may or may not offer, declared in its profile (see {@link RequiresCapability}). */
public enum Capability {
    /** Archive honours {@code Idempotency-Key} (Forward API): {@code capabilities.idempotency_key: true}. */
    IDEMPOTENCY_KEY("idempotency_key", profile -> profile.capabilities().idempotencyKey());

    private final String settingName;
    private final Predicate<TargetProfile> declared;

    Capability(String settingName, Predicate<TargetProfile> declared) {
        this.settingName = settingName;
        this.declared = declared;
    }

    /** The key under {@code capabilities.} in a profile. */
    public String settingName() {
        return settingName;
    }

    public boolean isDeclaredBy(TargetProfile profile) {
        return declared.test(profile);
    }
}
