//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// angular: `ng new` (Angular CLI 22) with a standalone component on the generated core in the
// root component; the built browser folder is served as files.
var _ = register("angular", recipe{
	serve: staticDir("dist/*/browser"),
	host:  createAngularHost,
	mount: mountAngular,
})

// createAngularHost runs `ng new`, as the Angular docs start a project.
func createAngularHost(t *testing.T, dir string) {
	npmExec(t, filepath.Dir(dir), "@angular/cli@22.2.7", "new", filepath.Base(dir),
		"--skip-install", "--skip-git", "--defaults", "--ssr=false")
}

// mountAngular adds a standalone component to `ng new`'s root component.
func mountAngular(t *testing.T, dir string) string {
	appDir := filepath.Join(dir, "src", "app")
	writeFile(t, filepath.Join(appDir, "mono-e2e.ts"), `import { Component, OnDestroy, signal } from '@angular/core';
import { createMonoConnect, statusText } from '`+strings.TrimSuffix(coreImport(t, dir, appDir), ".js")+`.js';

@Component({
  selector: 'app-mono-e2e',
  template: `+"`"+`
    <section>
      <button type="button" data-mono-connect (click)="link()">Link bank account</button>
      <p data-mono-status>{{ status() }}</p>
      <p data-mono-close-reason>{{ reason() }}</p>
      <ul data-mono-events>
        @for (e of events(); track $index) {
          <li>{{ e }}</li>
        }
      </ul>
      <input data-mono-account readonly [value]="account()" />
      <button type="button" data-mono-reauth (click)="reauth()">Re-authorise account</button>
      <button type="button" data-mono-pay (click)="pay()">Pay</button>
    </section>
  `+"`"+`,
})
export class MonoE2E implements OnDestroy {
  protected readonly status = signal('idle');
  protected readonly reason = signal('');
  protected readonly events = signal<string[]>([]);
  protected readonly account = signal('');
  private readonly mono = createMonoConnect({
    publicKey: '`+testPublicKey+`',
    onLinked: ({ accountId }) => this.account.set(accountId),
    onLoad: () => this.add('onLoad'),
    onEvent: (name) => this.add(name),
    onClose: ({ reason }) => this.reason.set(reason),
  });
  private readonly off = this.mono.subscribe((s) => this.status.set(statusText(s)));
  private readonly ignore = () => {};

  private add(name: string) {
    this.events.update((e) => [...e, name]);
  }

  link() {
    this.mono.link().catch(this.ignore);
  }

  reauth() {
    this.mono.reauthorise(this.account()).catch(this.ignore);
  }

  pay() {
    this.mono.pay(`+demoPayment+`).catch(this.ignore);
  }

  ngOnDestroy() {
    this.off();
  }
}
`)
	app := filepath.Join(appDir, "app.ts")
	insertAfter(t, app, "import { RouterOutlet } from '@angular/router';\n", "import { MonoE2E } from './mono-e2e';\n")
	insertAfter(t, app, "imports: [RouterOutlet", ", MonoE2E")
	b, err := os.ReadFile(filepath.Join(appDir, "app.html"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(appDir, "app.html"), "<app-mono-e2e />\n"+string(b))
	return "/"
}
