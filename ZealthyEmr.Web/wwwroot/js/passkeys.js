// Passkey (WebAuthn) ceremonies for the statically rendered account pages. A <passkey-submit> element sits in a
// form next to a submit button named "__passkey"; pressing that button asks the server for options, runs the
// browser's ceremony and posts the form with the credential (or the error) in hidden fields. A custom element is
// used because enhanced navigation swaps page content without running page scripts, while custom elements still
// connect. Loaded as a static file: the Content-Security-Policy allows no inline script.
const supported = typeof window.PublicKeyCredential !== 'undefined'
    && typeof PublicKeyCredential.parseCreationOptionsFromJSON === 'function'
    && typeof PublicKeyCredential.parseRequestOptionsFromJSON === 'function';

async function fetchOptions(form, url) {
    const token = form.querySelector('input[name="__RequestVerificationToken"]')?.value ?? '';
    const response = await fetch(url, { method: 'POST', credentials: 'same-origin', headers: { 'RequestVerificationToken': token } });
    if (!response.ok) {
        throw new Error(`The server could not start the passkey request (${response.status}).`);
    }
    return await response.json();
}

async function ceremony(form, operation) {
    if (!supported) {
        throw new Error('This browser cannot use passkeys. Update it, or sign in with your password.');
    }
    if (operation === 'create') {
        const options = PublicKeyCredential.parseCreationOptionsFromJSON(await fetchOptions(form, '/account/passkey/creation-options'));
        return await navigator.credentials.create({ publicKey: options });
    }
    const options = PublicKeyCredential.parseRequestOptionsFromJSON(await fetchOptions(form, '/account/passkey/request-options'));
    return await navigator.credentials.get({ publicKey: options });
}

function setField(form, name, value) {
    let input = form.querySelector(`input[type="hidden"][name="${name}"]`);
    if (!input) {
        input = document.createElement('input');
        input.type = 'hidden';
        input.name = name;
        form.appendChild(input);
    }
    input.value = value;
}

customElements.define('passkey-submit', class extends HTMLElement {
    connectedCallback() {
        this.form = this.closest('form');
        this.onSubmit = event => {
            if (event.submitter?.name !== '__passkey') {
                return;
            }
            event.preventDefault();
            this.run();
        };
        this.form?.addEventListener('submit', this.onSubmit);
    }

    disconnectedCallback() {
        this.form?.removeEventListener('submit', this.onSubmit);
    }

    async run() {
        const prefix = this.getAttribute('name');
        try {
            const credential = await ceremony(this.form, this.getAttribute('operation'));
            setField(this.form, `${prefix}.CredentialJson`, JSON.stringify(credential));
        } catch (error) {
            if (error.name === 'AbortError') {
                return;
            }
            setField(this.form, `${prefix}.Error`, error.name === 'NotAllowedError' ? 'The passkey request was cancelled or timed out.' : error.message);
        }
        this.form.submit();
    }
});
