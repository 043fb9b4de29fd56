// Command vendorconnect refreshes the connect.js the html target serves from the user's own
// static folder: it runs `npm pack @mono.co/connect.js@VERSION` (the npm client, through the
// user's configured registry and cache), checks the tarball against the integrity npm reports,
// copies package/index.js unchanged into templates/html/.../connect.js and rewrites the
// constants in templates/connectjs.go. Run it with `go generate ./templates`.
package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha512"
	"encoding/base64"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
)

func main() {
	version := flag.String("version", "", "the @mono.co/connect.js version to vendor")
	flag.Parse()
	if err := run(*version); err != nil {
		fmt.Fprintln(os.Stderr, "vendorconnect:", err)
		os.Exit(1)
	}
}

func run(version string) error {
	if !regexp.MustCompile(`^\d+\.\d+\.\d+$`).MatchString(version) {
		return fmt.Errorf("-version %q: give an exact version such as 2.2.0", version)
	}
	tmp, err := os.MkdirTemp("", "vendorconnect")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	cmd := exec.Command("npm", "pack", "@mono.co/connect.js@"+version, "--json", "--pack-destination", tmp)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("npm pack: %w", err)
	}
	var packed []struct {
		Filename  string `json:"filename"`
		Integrity string `json:"integrity"`
	}
	if err := json.Unmarshal(out, &packed); err != nil || len(packed) != 1 {
		return fmt.Errorf("npm pack printed no single package: %s", out)
	}
	tarball, err := os.ReadFile(filepath.Join(tmp, packed[0].Filename))
	if err != nil {
		return err
	}
	sum := sha512.Sum512(tarball)
	tarIntegrity := "sha512-" + base64.StdEncoding.EncodeToString(sum[:])
	if tarIntegrity != packed[0].Integrity {
		return fmt.Errorf("tarball digest %s differs from npm's integrity %s", tarIntegrity, packed[0].Integrity)
	}
	index, err := extract(tarball, "package/index.js")
	if err != nil {
		return err
	}
	sri := sha512.Sum384(index)
	if err := os.WriteFile("html/integration/all/_core_/connect.js", index, 0o644); err != nil {
		return err
	}
	src, err := os.ReadFile("connectjs.go")
	if err != nil {
		return err
	}
	for name, value := range map[string]string{
		"ConnectJSVersion":          version,
		"ConnectJSTarballIntegrity": tarIntegrity,
		"ConnectJSSRI":              "sha384-" + base64.StdEncoding.EncodeToString(sri[:]),
	} {
		re := regexp.MustCompile(`(?m)^(\t` + name + ` = )"[^"]*"$`)
		if !re.Match(src) {
			return fmt.Errorf("connectjs.go has no %s constant", name)
		}
		src = re.ReplaceAll(src, []byte(`${1}"`+value+`"`))
	}
	src = regexp.MustCompile(`vendorconnect -version \S+`).ReplaceAll(src, []byte("vendorconnect -version "+version))
	return os.WriteFile("connectjs.go", src, 0o644)
}

func extract(tarball []byte, name string) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(tarball))
	if err != nil {
		return nil, err
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("the tarball has no %s", name)
		}
		if err != nil {
			return nil, err
		}
		if h.Name == name {
			return io.ReadAll(tr)
		}
	}
}
