package org.qualigraph.esco;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * An emerging occupational profile a designer defines where ESCO has no fitting occupation yet: based on one or more
 * ESCO occupations, with ESCO skills added or removed relative to their essential and optional skills, and local
 * skills that are not (yet) in ESCO. What {@code GET /api/profiles/{id}} returns and {@code POST}/{@code PUT} accept.
 *
 * @param basedOn       ESCO occupation URIs whose essential and optional skills the profile starts from
 * @param addedSkills   ESCO skills added (or whose type is changed) with type {@code essential} or {@code optional}
 * @param removedSkills ESCO skill URIs taken out of the base occupations' skills
 * @param localSkills   skills that are not in ESCO, kept in Qualigraph only and always marked non-ESCO
 * @param version       optimistic lock: the version read; an update with an older one is refused with 409
 */
@JsonPropertyOrder({"id", "name", "description", "basedOn", "addedSkills", "removedSkills", "localSkills", "version"})
public record OccupationalProfile(String id, String name, String description, List<String> basedOn,
                                  List<AddedSkill> addedSkills, List<String> removedSkills, List<LocalSkill> localSkills,
                                  Long version) {

    public OccupationalProfile {
        basedOn = basedOn == null ? List.of() : List.copyOf(basedOn);
        addedSkills = addedSkills == null ? List.of() : List.copyOf(addedSkills);
        removedSkills = removedSkills == null ? List.of() : List.copyOf(removedSkills);
        localSkills = localSkills == null ? List.of() : List.copyOf(localSkills);
    }

    /** An ESCO skill the profile adds; {@code label} is filled in on reading and ignored on writing. */
    public record AddedSkill(String uri, String type, String label) {
    }

    /**
     * A skill that is not in ESCO. Its {@code uri} ({@value #URI_PREFIX}{@code <id>}) is assigned by the server, is
     * not an ESCO URI, and may be mapped to outcomes like an ESCO skill so that profile coverage can count it.
     */
    @JsonIgnoreProperties(value = "nonEsco", allowGetters = true)
    @JsonPropertyOrder({"id", "uri", "label", "description", "type", "nonEsco"})
    public record LocalSkill(String id, String uri, String label, String description, String type) {

        public static final String URI_PREFIX = "https://qualigraph.org/local-skill/";

        /** Always true: said in every answer so no client can take a local skill for an ESCO concept. */
        @JsonProperty("nonEsco")
        public boolean nonEsco() {
            return true;
        }
    }
}
