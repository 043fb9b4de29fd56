package templates

// The connect.js the html target vendors (html/integration/all/_core_/connect.js): the index.js of
// the @mono.co/connect.js npm tarball, unchanged. `go generate ./templates` fetches the tarball
// with npm pack, checks it against ConnectJSTarballIntegrity (the registry's own digest) and
// rewrites the file and ConnectJSSRI; TestVendoredConnectJS checks the embedded file against them.
//
//go:generate go run ../internal/vendorconnect -version 2.2.0
const (
	ConnectJSVersion = "2.2.0"
	// ConnectJSTarballIntegrity is npm's integrity of the tarball the file was taken from.
	ConnectJSTarballIntegrity = "sha512-U2l7Xw3kMkZplNQsZZnbAk3h2/lMXEf8x+oPXzs0tyQvneab0gPEwcmX1+TX9ikQAnVPNB2FPPVB44R2tnyohg=="
	// ConnectJSSRI is the Subresource Integrity of index.js, for a <script integrity> attribute.
	ConnectJSSRI = "sha384-3N6GuJsvSWsoKumRTxwaMYNbO3GvP/DOLkzR7Oyf+EfoOl77ZZQu/cxLNjpPTewP"
	// ConnectJSPath is the vendored file inside FS.
	ConnectJSPath = "html/integration/all/_core_/connect.js"
)

// Vendored reports whether the template at path (inside FS) is a third-party file that must reach
// the project byte for byte: a generated-file header would change the digest its SRI pins.
func Vendored(path string) bool { return path == ConnectJSPath }
