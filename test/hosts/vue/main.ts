import { createApp } from 'vue';
import 'stytch-mfa-elements/sms-otp-input';
import App from './App.vue';

const app = createApp(App);
app.mount('#app');
