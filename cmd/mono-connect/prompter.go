package main

import "io"

// Prompter asks the user for what flags and detection did not settle. The command owns this
// interface so the terminal library behind it (survey, unmaintained) can be swapped; tests use a
// mock that matches exact prompt text.
type Prompter interface {
	Select(message string, options []string, defaultValue string) (string, error)
	MultiSelect(message string, options []string, defaults []string) ([]string, error)
	Input(message, defaultValue string, validate func(string) error) (string, error)
	Confirm(message string, defaultValue bool) (bool, error)
}

// newSurveyPrompter is replaced by the survey-backed implementation; until then there is no
// interactive path and every missing value is a usage error.
var newSurveyPrompter = func(in io.Reader, out, errOut io.Writer) Prompter { return nil }
