package org.qualigraph.base;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The application is live (its internal state is correct) once every bean is built and the web server runs. Spring
 * Boot says so only after the context refresh returns, which left a moment in which /actuator/health answered DOWN
 * instead of the OUT_OF_SERVICE that means "starting, not ready yet".
 */
@Component
class LivenessOnceServing {

    @EventListener
    void serving(WebServerInitializedEvent event) {
        AvailabilityChangeEvent.publish(event.getApplicationContext(), LivenessState.CORRECT);
    }
}
