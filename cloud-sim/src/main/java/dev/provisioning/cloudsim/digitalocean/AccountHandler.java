package dev.provisioning.cloudsim.digitalocean;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provisioning.cloudsim.http.SimJson;
import dev.provisioning.cloudsim.http.SimRequest;
import dev.provisioning.cloudsim.http.SimResponse;
import java.util.List;

/** {@code /v2/account}: the account behind the token, which clients call to check a token works. */
final class AccountHandler {

    static final String ACCOUNT_UUID = "b6fr89dbf6d9156cace5f3c78dc9851d957381ef";

    SimResponse handle(SimRequest request, List<String> rest) {
        if (!rest.isEmpty()) {
            throw RejectedDigitalOceanRequest.notFound();
        }
        if (!request.method().equals("GET")) {
            throw DigitalOceanApi.methodNotAllowed();
        }
        ObjectNode account = SimJson.object();
        account.put("droplet_limit", DropletsHandler.DROPLET_LIMIT);
        account.put("floating_ip_limit", 10);
        account.put("volume_limit", 100);
        account.put("email", "cloud-sim@example.com");
        account.put("name", "cloud-sim");
        account.put("uuid", ACCOUNT_UUID);
        account.put("email_verified", true);
        account.put("status", "active");
        account.put("status_message", "");
        account.putObject("team").put("uuid", "5df3e3004a17e242b7c20ca6c9fc25b701a47ece").put("name", "cloud-sim");
        ObjectNode body = SimJson.object();
        body.set("account", account);
        return SimResponse.json(200, body);
    }
}
