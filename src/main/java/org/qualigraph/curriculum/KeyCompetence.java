package org.qualigraph.curriculum;

/** The 8 key competences for lifelong learning (Council Recommendation of 22 May 2018). */
public enum KeyCompetence {
    LITERACY, MULTILINGUAL, STEM, DIGITAL, PERSONAL_SOCIAL_LEARNING, CITIZENSHIP, ENTREPRENEURSHIP, CULTURAL_AWARENESS
}
