package main

import (
	"errors"
	"io"
	"os"

	"github.com/AlecAivazis/survey/v2"
	"github.com/AlecAivazis/survey/v2/core"
	"github.com/AlecAivazis/survey/v2/terminal"
)

// Prompter asks the user for what flags and detection did not settle. The command owns this
// interface so the terminal library behind it (survey, unmaintained) can be swapped: this file is
// the only one that imports survey. Tests use a mock that matches exact prompt text.
type Prompter interface {
	Select(message string, options []string, defaultValue string) (string, error)
	MultiSelect(message string, options []string, defaults []string) ([]string, error)
	// Input re-asks until validate (if not nil) accepts the answer.
	Input(message, defaultValue string, validate func(string) error) (string, error)
	Confirm(message string, defaultValue bool) (bool, error)
}

// surveyPrompter implements Prompter with survey on explicit stdio. A Ctrl-C at any prompt
// returns errCancelled.
type surveyPrompter struct {
	opts []survey.AskOpt
}

func newSurveyPrompter(in io.Reader, out, errOut io.Writer) Prompter {
	inFile, okIn := in.(*os.File)
	outFile, okOut := out.(*os.File)
	if !okIn || !okOut {
		return nil // survey needs real terminals; callers only prompt when both are
	}
	if os.Getenv("NO_COLOR") != "" {
		core.DisableColor = true
	}
	return &surveyPrompter{opts: []survey.AskOpt{survey.WithStdio(inFile, outFile, errOut)}}
}

func (p *surveyPrompter) Select(message string, options []string, def string) (string, error) {
	var answer string
	q := &survey.Select{Message: message, Options: options, Default: def}
	return answer, p.ask(q, &answer)
}

func (p *surveyPrompter) MultiSelect(message string, options []string, defaults []string) ([]string, error) {
	var answer []string
	q := &survey.MultiSelect{Message: message, Options: options, Default: defaults}
	return answer, p.ask(q, &answer)
}

func (p *surveyPrompter) Input(message, def string, validate func(string) error) (string, error) {
	var answer string
	q := &survey.Input{Message: message, Default: def}
	opts := p.opts
	if validate != nil {
		opts = append(append([]survey.AskOpt{}, opts...), survey.WithValidator(func(v any) error {
			s, _ := v.(string)
			return validate(s)
		}))
	}
	return answer, cancelled(survey.AskOne(q, &answer, opts...))
}

func (p *surveyPrompter) Confirm(message string, def bool) (bool, error) {
	var answer bool
	q := &survey.Confirm{Message: message, Default: def}
	return answer, p.ask(q, &answer)
}

func (p *surveyPrompter) ask(q survey.Prompt, answer any) error {
	return cancelled(survey.AskOne(q, answer, p.opts...))
}

func cancelled(err error) error {
	if errors.Is(err, terminal.InterruptErr) {
		return errCancelled
	}
	return err
}
