package de.wahlwerk.server.setup;

import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code PUT /api/setup/days/{id}/geometry} with a GeoJSON FeatureCollection as the body. */
@RestController
@RequestMapping("/api/setup")
class GeometryApiController {

    private final AreaGeometries geometries;

    GeometryApiController(AreaGeometries geometries) {
        this.geometries = geometries;
    }

    @PutMapping(path = "/days/{id}/geometry")
    ResponseEntity<Map<String, Integer>> upload(@PathVariable long id, @RequestBody(required = false) byte[] body)
            throws IOException {
        int n = geometries.upload(id, "api", body == null ? new byte[0] : body);
        return ResponseEntity.status(HttpStatus.OK).body(Map.of("areas", n));
    }
}
