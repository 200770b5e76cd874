package org.qualigraph.quality.rules;

import java.util.List;
import org.qualigraph.quality.QualityRule;

/** Every rule of the catalogue (quality-rules.md), in catalogue order. */
public final class RuleCatalogue {

    private RuleCatalogue() {
    }

    public static List<QualityRule> all() {
        return List.of(
                new EqfRules.Eqf01(), new EqfRules.Eqf02(), new EqfRules.Eqf03(), new EqfRules.Eqf04(),
                new EqfRules.Eqf05(),
                new ElmRules.Elm01(), new ElmRules.Elm02(), new ElmRules.Elm03(), new ElmRules.Elm04(),
                new ElmRules.Elm05(),
                new StructRules.Struct01(), new StructRules.Struct02(), new StructRules.Struct03(),
                new CreditRules.Credit01(), new CreditRules.Credit02(), new CreditRules.Credit03(),
                new CreditRules.Credit04(), new CreditRules.Credit05(), new CreditRules.Credit06(),
                new CreditRules.Credit07(), new CreditRules.Credit08(),
                new OutcomeRules.Lo01(), new OutcomeRules.Lo02(), new OutcomeRules.Lo03(), new OutcomeRules.Lo04(),
                new EscoRules.Esco01(), new EscoRules.Esco02(), new EscoRules.Esco03(), new EscoRules.Esco04(),
                new EscoRules.Esco05(),
                new WorkBasedRules.Wbl01(), new WorkBasedRules.Wbl02(), new WorkBasedRules.Wbl03(),
                new WorkBasedRules.Wbl04(),
                new AlignmentRules.Align01(), new AlignmentRules.Align02(), new AlignmentRules.Align03(),
                new GovernanceRules.Esg01(), new GovernanceRules.Esg02(), new GovernanceRules.Esg03(),
                new GovernanceRules.Esg04(),
                new GovernanceRules.Eqavet01(), new GovernanceRules.Eqavet02(), new GovernanceRules.Eqavet03());
    }
}
