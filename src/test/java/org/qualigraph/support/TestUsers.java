package org.qualigraph.support;

import java.util.Base64;
import java.util.Set;
import org.qualigraph.account.AccountService;
import org.springframework.stereotype.Component;

/** The test accounts, one per role, created once per context. */
@Component
public class TestUsers {

    public static final String ADMIN_PASSWORD = "admin-secret-1";
    public static final String DESIGNER = "designer";
    public static final String REVIEWER = "reviewer";
    public static final String PASSWORD = "password-1";

    private final AccountService accounts;

    TestUsers(AccountService accounts) {
        this.accounts = accounts;
    }

    void ensure() {
        if (!accounts.exists(DESIGNER)) {
            accounts.create(DESIGNER, PASSWORD, Set.of("DESIGNER"));
        }
        if (!accounts.exists(REVIEWER)) {
            accounts.create(REVIEWER, PASSWORD, Set.of("REVIEWER"));
        }
    }

    /** The value of an HTTP Basic {@code Authorization} header. */
    public static String basic(String user) {
        String password = "admin".equals(user) ? ADMIN_PASSWORD : PASSWORD;
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
    }
}
