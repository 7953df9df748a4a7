import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { JsonFormsForm } from './jsonforms-form';
import { RENDERERS, type FormPayload, type JsonObject, type Renderer } from './payload';
import { RjsfForm } from './rjsf-form';

/** What a host shows above each form; the credential overlay's title is the seed page's. */
const HEADINGS: Partial<Record<string, string>> = { credential: 'Add New Credential' };

const RENDERER_NAMES: Record<Renderer, string> = {
  rjsf: 'react-jsonschema-form',
  jsonforms: 'JSON Forms',
};

function isRenderer(value: string | null): value is Renderer {
  return RENDERERS.some((renderer) => renderer === value);
}

function FormPage({ form, renderer }: { form: string; renderer: Renderer }) {
  const [payload, setPayload] = useState<FormPayload>();
  const [failure, setFailure] = useState<string>();
  const [submitted, setSubmitted] = useState<JsonObject>();

  useEffect(() => {
    fetch(`/forms/${encodeURIComponent(form)}.json`)
      .then(async (response) => {
        if (!response.ok) throw new Error(`the server answered ${response.status}`);
        setPayload((await response.json()) as FormPayload);
      })
      .catch((error: unknown) => setFailure(`Could not load the ${form} form: ${String(error)}`));
  }, [form]);

  if (failure !== undefined) return <p role="alert">{failure}</p>;
  if (payload === undefined) return <p>Loading…</p>;

  const Renderer = renderer === 'rjsf' ? RjsfForm : JsonFormsForm;
  return (
    <main data-form={form} data-renderer={renderer}>
      <h1>{HEADINGS[form] ?? payload.schema['title']?.toString() ?? form}</h1>
      <p className="renderer">Rendered by {RENDERER_NAMES[renderer]}</p>
      <Renderer payload={payload} onSubmit={setSubmitted} />
      {submitted !== undefined && (
        <output id="submitted" data-testid="submitted">
          {JSON.stringify(submitted)}
        </output>
      )}
    </main>
  );
}

const query = new URLSearchParams(window.location.search);
const form = query.get('form') ?? 'credential';
const renderer = query.get('renderer');
const root = createRoot(document.getElementById('root') as HTMLElement);

root.render(
  <StrictMode>
    {isRenderer(renderer) ? (
      <FormPage form={form} renderer={renderer} />
    ) : (
      <p role="alert">
        Unknown renderer {String(renderer)}: use one of {RENDERERS.join(', ')}.
      </p>
    )}
  </StrictMode>,
);
