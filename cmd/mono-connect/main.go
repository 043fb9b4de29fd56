// Command mono-connect adds Mono Connect bank-account linking to a web app: it renders the
// widget wiring for the app's framework and a matching Go server handler.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
