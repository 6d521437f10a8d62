package de.wahlwerk.server.setup;

import de.wahlwerk.server.security.AreaScopes;
import de.wahlwerk.server.security.Scope;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Tells security where an area sits, from the areas this feature owns. */
@Component
class AreaScopesJdbc implements AreaScopes {

    private final AreaStore areas;
    private final ElectionDayStore days;

    AreaScopesJdbc(AreaStore areas, ElectionDayStore days) {
        this.areas = areas;
        this.days = days;
    }

    @Override
    public List<Scope> ancestorsOrSelf(long areaId) {
        return areas.ancestorsOrSelf(areaId).stream().map(a -> new Scope(a.hierarchy(), a.officialKey())).toList();
    }

    @Override
    public List<Scope> dayScopeChain(long electionDayId) {
        var day = days.day(electionDayId).orElse(null);
        if (day == null) {
            return List.of();
        }
        var organiser = areas.areaByKey(electionDayId, day.scopeHierarchy(), day.scopeKey());
        if (organiser.isPresent()) {
            return ancestorsOrSelf(organiser.get().id());
        }
        List<Scope> chain = new ArrayList<>();
        chain.add(new Scope(day.scopeHierarchy(), day.scopeKey()));
        return chain;
    }

    @Override
    public boolean dayContains(long electionDayId, Scope scope) {
        return !scope.isInstallationWide()
                && areas.areaByKey(electionDayId, scope.hierarchy(), scope.key()).isPresent();
    }
}
