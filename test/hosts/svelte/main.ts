import { mount } from 'svelte';
import 'stytch-mfa-elements/sms-otp-input';
import App from './App.svelte';

mount(App, { target: document.getElementById('app')! });
