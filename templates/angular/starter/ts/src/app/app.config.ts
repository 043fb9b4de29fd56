import { type ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';

// Zoneless, as `ng new` makes apps since Angular 21: signals tell Angular what to re-render.
export const appConfig: ApplicationConfig = {
  providers: [provideBrowserGlobalErrorListeners()],
};
