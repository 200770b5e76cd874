package org.qualigraph.account;

import java.util.List;
import org.springframework.data.neo4j.repository.Neo4jRepository;

interface UserRepository extends Neo4jRepository<UserAccount, String> {

    List<UserAccount> findAllByOrderByUsername();

    java.util.Optional<UserAccount> findByOidcIssuerAndOidcSubject(String oidcIssuer, String oidcSubject);
}
