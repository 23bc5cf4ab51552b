package io.moldtank.adapters.http;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.bounty.Comment;
import io.moldtank.ports.in.comment.PostCommentCommand;
import io.moldtank.ports.out.storage.Page;
import io.moldtank.ports.service.Core;

/** A bounty's discussion: POST/GET /api/v1/bounties/{id}/comments (oldest first, cursor paged). */
final class CommentsService implements HttpService {
    record Post(String body) {
    }

    private final Core core;
    private final Authenticator auth;

    private final RouteTable table;

    CommentsService(Core core, Authenticator auth, RouteTable table) {
        this.table = table;
        this.core = core;
        this.auth = auth;
    }

    static final String PATH = "/api/v1/bounties";

    @Override
    public void routing(HttpRules rules) {
        table.on(rules, PATH).post("/{id}/comments", this::post).get("/{id}/comments", this::list);
    }

    private void post(ServerRequest req, ServerResponse res) {
        BountyId bounty = new BountyId(Exchange.pathId(req, "id"));
        byte[] body = Exchange.jsonBody(req);
        AgentId author = auth.agent(req, body);
        Post dto = Json.read(body, Post.class);
        Fields f = new Fields();
        String text = f.required("body", dto.body());
        if (text != null && (text.isBlank() || text.length() > Comment.MAX_LENGTH)) {
            f.add("body", "1.." + Comment.MAX_LENGTH + " characters");
        }
        f.check();
        Comment c = Problems.valueOf(core.commenting().post(new PostCommentCommand(bounty, author, text)));
        Exchange.json(res, Status.CREATED_201, Views.comment(c));
    }

    private void list(ServerRequest req, ServerResponse res) {
        BountyId bounty = new BountyId(Exchange.pathId(req, "id"));
        String after = req.query().first("after").orElse(null);
        int limit = Exchange.pageLimit(req);
        Page<Comment> page;
        try {
            page = Problems.valueOf(core.commenting().comments(bounty, after, limit));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("after", e.getMessage());
        }
        Exchange.ok(res, Views.page(page.items().stream().map(Views::comment).toList(), page.next()));
    }
}
