package org.qualigraph.account;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** User management for administrators. */
@RestController
@RequestMapping("/api/admin/users")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Administration")
class AdminUserController {

    private final AccountService accounts;

    AdminUserController(AccountService accounts) {
        this.accounts = accounts;
    }

    /** The body of a new user; {@link #toString} hides the password (Spring MVC logs bodies at DEBUG). */
    record NewUser(String username, String password, Set<String> roles, String organisation) {
        @Override
        public String toString() {
            return "NewUser[username=" + username + ", password=[PROTECTED], roles=" + roles + ", organisation="
                    + organisation + "]";
        }
    }

    /**
     * A change of roles, state, password or organisation ({@code null}: unchanged; {@code ""}: none); {@link #toString}
     * hides the password.
     */
    record UserChange(Set<String> roles, Boolean enabled, String password, String organisation) {
        @Override
        public String toString() {
            return "UserChange[roles=" + roles + ", enabled=" + enabled + ", password="
                    + (password == null ? null : "[PROTECTED]") + ", organisation=" + organisation + "]";
        }
    }

    @PostMapping
    ResponseEntity<UserInfo> create(@RequestBody NewUser user) {
        if (user == null) {
            throw new org.qualigraph.base.BadInputException("", "a body {\"username\",\"password\",\"roles\"} is required");
        }
        var created = accounts.create(user.username(), user.password(), user.roles(), user.organisation());
        return ResponseEntity.created(URI.create("/api/admin/users/" + created.username())).body(created);
    }

    @GetMapping
    List<UserInfo> list() {
        return accounts.list();
    }

    @PutMapping("/{username}")
    @org.springframework.transaction.annotation.Transactional // password, organisation and roles change together or not at all
    UserInfo update(@PathVariable String username, @RequestBody UserChange change) {
        if (change == null || change.roles() == null) {
            throw new org.qualigraph.base.BadInputException("roles", "required");
        }
        if (change.password() != null) {
            accounts.changePassword(username, change.password());
        }
        if (change.organisation() != null) {
            accounts.changeOrganisation(username, change.organisation());
        }
        return accounts.update(username, change.roles(), change.enabled() == null || change.enabled());
    }

    @PostMapping("/{username}/unlock")
    ResponseEntity<Void> unlock(@PathVariable String username) {
        accounts.unlock(username);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{username}")
    ResponseEntity<Void> delete(@PathVariable String username) {
        accounts.delete(username);
        return ResponseEntity.noContent().build();
    }
}
