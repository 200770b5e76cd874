package org.qualigraph.account;

import org.qualigraph.base.neo4j.SchemaMigrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Creates the {@code admin} account on first start: with {@code QUALIGRAPH_ADMIN_PASSWORD} when set, otherwise with
 * a random password that is printed once in the log and never again.
 */
@Component
class AdminBootstrap implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AccountService accounts;
    private final Environment environment;

    AdminBootstrap(AccountService accounts, Environment environment, SchemaMigrations migrated) {
        this.accounts = accounts;
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() {
        String configured = environment.getProperty("QUALIGRAPH_ADMIN_PASSWORD");
        boolean generated = configured == null || configured.isBlank();
        String password = generated ? AccountService.randomPassword() : configured;
        if (accounts.createAdminIfMissing(password)) {
            if (generated) {
                log.warn("Created user 'admin' with the generated password: {}  (shown once; set "
                        + "QUALIGRAPH_ADMIN_PASSWORD before the first start to choose it)", password);
            } else {
                log.info("Created user 'admin' with the password from QUALIGRAPH_ADMIN_PASSWORD");
            }
        }
    }
}
