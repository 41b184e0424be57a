package dev.provisioning.cloudsim.aws.route53;

import dev.provisioning.cloudsim.aws.RejectedAwsRequest;
import dev.provisioning.cloudsim.http.SimResponse;
import dev.provisioning.cloudsim.http.XmlWriter;
import dev.provisioning.cloudsim.state.DnsChange;
import dev.provisioning.cloudsim.state.HostedZoneStore;

/** GetChange: whether a submitted change has propagated ({@code INSYNC}) yet. */
final class ChangesHandler {

    private final HostedZoneStore store;

    ChangesHandler(HostedZoneStore store) {
        this.store = store;
    }

    SimResponse get(String changeId) {
        DnsChange change = store.change(changeId).orElseThrow(() -> new RejectedAwsRequest(404, "NoSuchChange",
                "A change with the specified change ID does not exist."));
        XmlWriter xml = new XmlWriter().root("GetChangeResponse", Route53Xml.NAMESPACE);
        Route53Xml.changeInfo(xml, change);
        return SimResponse.xml(200, xml.end().toString());
    }
}
