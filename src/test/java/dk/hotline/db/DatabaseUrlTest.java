package dk.hotline.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {
    @Test
    void herokuStyleUrlBecomesJdbcWithCredentialsApart() {
        var url = DatabaseUrl.parse("postgres://hotline:p%40ss@db.example.org:6543/hotline?sslmode=require");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.org:6543/hotline?sslmode=require");
        assertThat(url.user()).isEqualTo("hotline");
        assertThat(url.password()).isEqualTo("p@ss");
        assertThat(url.toString()).doesNotContain("p@ss");
    }

    @Test
    void defaultPortIs5432() {
        assertThat(DatabaseUrl.parse("postgresql://u:p@db/hotline").jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/hotline");
    }

    @Test
    void jdbcUrlPassesThrough() {
        var url = DatabaseUrl.parse("jdbc:postgresql://127.0.0.1:5432/hotline?user=postgres");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/hotline?user=postgres");
        assertThat(url.user()).isNull();
    }

    @Test
    void otherSchemesAndMissingPartsAreRefusedWithoutEchoingThePassword() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://u:secret@h/db")).hasMessageContaining("DATABASE_URL")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
        assertThatThrownBy(() -> DatabaseUrl.parse("postgres://u:secret@h")).hasMessageContaining("database name")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
    }

    @Test
    void anotherDatabaseOnTheSameServer() {
        assertThat(DatabaseUrl.parse("postgres://u:p@h:5432/a?ssl=true").withDatabase("b").jdbcUrl())
                .isEqualTo("jdbc:postgresql://h:5432/b?ssl=true");
    }
}
