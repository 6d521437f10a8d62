package de.wahlwerk.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HierarchyTest {

    @Test
    void constantsAndValidation() {
        assertThat(Hierarchy.ADMINISTRATIVE.code()).isEqualTo("admin");
        assertThat(Hierarchy.isValidCode("bundestag")).isTrue();
        assertThat(Hierarchy.isValidCode("Bundestag")).isFalse();
        assertThatThrownBy(() -> new Hierarchy("1x")).isInstanceOf(IllegalArgumentException.class);
    }
}
