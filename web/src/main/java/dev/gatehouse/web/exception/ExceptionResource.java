package dev.gatehouse.web.exception;

import dev.gatehouse.web.auth.CurrentUser;
import dev.gatehouse.web.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.function.Supplier;

@Path("/api/v1/exceptions")
@Produces(MediaType.APPLICATION_JSON)
public class ExceptionResource {

  private final Exceptions exceptions;
  private final CurrentUser user;

  ExceptionResource(Exceptions exceptions, CurrentUser user) {
    this.exceptions = exceptions;
    this.user = user;
  }

  /** The policy file's exceptions and those granted in Gatehouse; with {@code organization}, those applying to it. */
  @GET
  public List<ExceptionView> list(@QueryParam("organization") String organization) {
    return exceptions.list(organization);
  }

  @GET
  @Path("{id}")
  public ExceptionView find(@PathParam("id") long id) {
    return exceptions.find(id).orElseThrow(() -> new NotFoundException("no exception " + id));
  }

  /** Grants an exception; it takes effect at the next scan. 201 with its Location; 400 with the reason when refused. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  public Response create(ExceptionRequest request) {
    if (request == null) {
      throw new BadRequestException("a JSON body is required");
    }
    ExceptionView created = refusing(() -> exceptions.create(request, user.name()));
    return Response.created(URI.create("/api/v1/exceptions/" + created.id())).entity(created).build();
  }

  @POST
  @Path("{id}/expire")
  @RolesAllowed(Roles.ADMIN)
  public ExceptionView expire(@PathParam("id") long id) {
    return refusing(() -> exceptions.expire(id, null, user.name()));
  }

  private static ExceptionView refusing(Supplier<ExceptionView> action) {
    try {
      return action.get();
    } catch (ExceptionRefused e) {
      throw new ClientErrorException(e.getMessage(), e.status());
    }
  }
}
